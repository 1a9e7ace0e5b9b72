/// JUnit XML: one test suite per file, one test case per finding (a failure when it makes the run
/// fail, a passing case with its message otherwise), and one passing case for a file without findings.
public struct JUnitLintReporter: LintReporter {
    public init() {}

    /// XML escaping for text and attribute values.
    static func escape(_ text: String) -> String {
        // Most messages have nothing to escape.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { out += "\u{FFFD}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    public func render(_ run: LintRun) -> String {
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        var totalErrors = 0
        for file in run.files {
            let name = Self.escape(file.displayPath)
            var cases = ""
            var tests = 0
            var failures = 0
            var errors = 0
            if let error = file.error {
                tests = 1
                errors = 1
                cases += "    <testcase classname=\"\(name)\" name=\"lecture\">\n      <error message=\"\(Self.escape(error))\"/>\n    </testcase>\n"
            }
            for issue in file.issues where issue.suppression == nil {
                tests += 1
                let caseName = Self.escape("\(issue.rule) (ligne \(issue.start.line), colonne \(issue.start.column))")
                let place = "\(file.displayPath):\(issue.start.line):\(issue.start.column)"
                if file.fails(issue) {
                    failures += 1
                    cases += "    <testcase classname=\"\(name)\" name=\"\(caseName)\">\n"
                    cases += "      <failure type=\"\(issue.severity.rawValue)\" message=\"\(Self.escape(issue.message))\">\(Self.escape("\(place): \(issue.severity.rawValue) [\(issue.rule)] \(issue.message)"))</failure>\n"
                    cases += "    </testcase>\n"
                } else {
                    cases += "    <testcase classname=\"\(name)\" name=\"\(caseName)\">\n"
                    cases += "      <system-out>\(Self.escape("\(place): \(issue.severity.rawValue) [\(issue.rule)] \(issue.message)"))</system-out>\n"
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
            suites += "    <testcase classname=\"\(Self.escape(entry.file))\" name=\"\(Self.escape(entry.rule))\">\n"
            suites += "      <failure type=\"reference\" message=\"\(Self.escape("[\(entry.rule)]\(text) n'apparaît plus : mettez la référence à jour (--ecrire-reference)."))\"/>\n"
            suites += "    </testcase>\n  </testsuite>\n"
        }
        for message in run.errors {
            totalTests += 1
            totalErrors += 1
            suites += "  <testsuite name=\"arguments\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
            suites += "    <testcase classname=\"limpide\" name=\"arguments\">\n      <error message=\"\(Self.escape(message))\"/>\n    </testcase>\n  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"limpide\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(totalErrors)\">\n\(suites)</testsuites>\n"
    }
}
