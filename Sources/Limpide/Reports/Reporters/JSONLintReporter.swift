/// The JSON report of `limpide lint --format json`, described by `docs/schemas/limpide-lint.schema.json`.
public struct JSONLintReporter: LintReporter {
    public init() {}

    public static let schemaVersion = "1.0"

    static func rounded(_ value: Double) -> Double { (value * 10).rounded() / 10 }

    public func render(_ run: LintRun) -> String {
        let summary = run.summary
        var w = JSONWriter(capacity: 1 << 20)
        w.object { w in
            w.field("schemaVersion", Self.schemaVersion)
            w.object("tool") { w in
                w.field("name", "limpide")
                w.field("version", Limpide.version)
            }
            w.array("files") { w in for file in run.files { Self.file(file, into: &w) } }
            w.array("absent") { w in
                for entry in run.absent {
                    w.object { w in
                        w.field("rule", entry.rule)
                        w.field("file", entry.file)
                        w.field("text", entry.text)
                        w.field("count", entry.count)
                    }
                }
            }
            w.strings("errors", run.errors)
            w.object("summary") { w in
                w.field("files", summary.files)
                w.field("errors", summary.errors)
                w.field("warnings", summary.warnings)
                w.field("infos", summary.infos)
                w.field("suppressed", summary.suppressed)
                w.field("known", summary.known)
                w.field("fixed", summary.fixed)
                w.field("failing", summary.failing)
                w.field("unreadable", summary.unreadable)
                w.field("averageComplexity", number: summary.averageComplexity.map(Self.rounded))
                w.field("maximumComplexity", number: summary.maximumComplexity.map(Self.rounded))
                w.field("mostComplexFile", summary.mostComplexFile)
            }
            w.field("exitCode", Int(run.exitCode))
        }
        return w.text
    }

    static func file(_ file: LintFileResult, into w: inout JSONWriter) {
        w.object { w in
            w.field("file", file.displayPath)
            w.field("kind", file.kind.rawValue)
            w.field("encoding", file.encoding?.rawValue)
            w.field("configuration", file.settings.configurationFile)
            w.field("failOn", file.settings.failOn.rawValue)
            w.field("maximumComplexity", number: file.settings.thresholds.maximumComplexity)
            w.field("complexity", number: file.complexity.map { rounded($0.complexity) })
            w.field("band", file.complexity?.band.rawValue)
            w.field("error", file.error)
            w.array("findings") { w in
                for issue in file.issues {
                    let finding = issue.finding
                    w.object { w in
                        w.field("rule", issue.rule)
                        w.field("kind", finding.kind.rawValue)
                        w.field("severity", issue.severity.rawValue)
                        w.field("message", issue.message)
                        w.field("text", finding.text)
                        w.field("offset", finding.range.lowerBound)
                        w.field("length", finding.range.count)
                        w.field("line", issue.start.line)
                        w.field("column", issue.start.column)
                        w.field("endLine", issue.end.line)
                        w.field("endColumn", issue.end.column)
                        w.field("replacement", finding.replacement)
                        if let fix = finding.fix {
                            w.object("fix") { w in
                                w.field("offset", fix.range.lowerBound)
                                w.field("length", fix.range.count)
                                w.field("text", fix.text)
                            }
                        }
                        w.field("fails", file.fails(issue))
                        if let suppression = issue.suppression {
                            w.object("suppression") { w in
                                w.field("reason", suppression.reason)
                                w.field("line", suppression.line)
                            }
                        }
                    }
                }
            }
            w.array("notes") { w in
                for note in file.notes {
                    w.object { w in
                        w.field("line", note.line)
                        w.field("message", note.message)
                    }
                }
            }
            w.field("fixesApplied", file.fixesApplied)
            w.field("known", file.known)
        }
    }
}
