/// JUnit XML: one test suite per file, one test case per finding (a failure when it makes the run
/// fail, a passing case with its message otherwise), and one passing case for a file without findings.
public struct JUnitLintReporter: LintReporter {
    public init() {}

    public func render(_ run: LintRun) -> String {
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        var totalErrors = 0
        for file in run.files {
            let name = XMLEscaping.attribute(file.displayPath)
            var cases = ""
            var tests = 0
            var failures = 0
            var errors = 0
            if let error = file.error {
                tests = 1
                errors = 1
                cases += "    <testcase classname=\"\(name)\" name=\"lecture\">\n      <error message=\"\(XMLEscaping.attribute(error))\"/>\n    </testcase>\n"
            }
            for issue in file.issues where issue.suppression == nil {
                tests += 1
                let caseName = XMLEscaping.attribute("\(issue.rule) (ligne \(issue.start.line), colonne \(issue.start.column))")
                let place = "\(file.displayPath):\(issue.start.line):\(issue.start.column)"
                if file.fails(issue) {
                    failures += 1
                    cases += "    <testcase classname=\"\(name)\" name=\"\(caseName)\">\n"
                    cases += "      <failure type=\"\(issue.severity.rawValue)\" message=\"\(XMLEscaping.attribute(issue.message))\">\(XMLEscaping.attribute("\(place): \(issue.severity.rawValue) [\(issue.rule)] \(issue.message)"))</failure>\n"
                    cases += "    </testcase>\n"
                } else {
                    cases += "    <testcase classname=\"\(name)\" name=\"\(caseName)\">\n"
                    cases += "      <system-out>\(XMLEscaping.attribute("\(place): \(issue.severity.rawValue) [\(issue.rule)] \(issue.message)"))</system-out>\n"
                    cases += "    </testcase>\n"
                }
            }
            if tests == 0 {
                tests = 1
                cases += "    <testcase classname=\"\(name)\" name=\"langage clair\"/>\n"
            }
            totalTests += tests
            totalFailures += failures
            totalErrors += errors
            suites += "  <testsuite name=\"\(name)\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n\(cases)  </testsuite>\n"
        }
        for entry in run.absent {
            totalTests += 1
            totalFailures += 1
            let text = entry.text.isEmpty ? "" : " « \(entry.text) »"
            suites += "  <testsuite name=\"référence\" tests=\"1\" failures=\"1\" errors=\"0\">\n"
            suites += "    <testcase classname=\"\(XMLEscaping.attribute(entry.file))\" name=\"\(XMLEscaping.attribute(entry.rule))\">\n"
            suites += "      <failure type=\"reference\" message=\"\(XMLEscaping.attribute("[\(entry.rule)]\(text) n'apparaît plus : mettez la référence à jour (--ecrire-reference)."))\"/>\n"
            suites += "    </testcase>\n  </testsuite>\n"
        }
        for message in run.errors {
            totalTests += 1
            totalErrors += 1
            suites += "  <testsuite name=\"arguments\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
            suites += "    <testcase classname=\"limpide\" name=\"arguments\">\n      <error message=\"\(XMLEscaping.attribute(message))\"/>\n    </testcase>\n  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"limpide\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n\(suites)</testsuites>\n"
    }
}
