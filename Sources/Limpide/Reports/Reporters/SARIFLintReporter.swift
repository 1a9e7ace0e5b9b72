import Foundation

/// SARIF 2.1.0 (OASIS), the format GitHub code scanning reads: rule metadata, one result per
/// finding with a region (document-level results at line 1), fixes for the safe replacements,
/// `inSource` suppressions with their reason. Columns count Unicode code points
/// (`columnKind: unicodeCodePoints`), as Limpide's columns do.
public struct SARIFLintReporter: LintReporter {
    public init() {}

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .erreur: "error"
        case .avertissement: "warning"
        case .info: "note"
        }
    }

    /// A file path as a URI reference: relative paths stay relative (GitHub resolves them from
    /// the repository root), absolute ones become `file://` URIs.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~/")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }

    static func descriptor(_ rule: RuleDescription, into w: inout JSONWriter) {
        var help = "\(rule.summary)\n\nPourquoi : \(rule.rationale)"
        var markdown = "\(rule.summary)\n\n**Pourquoi :** \(rule.rationale)"
        if !rule.examples.isEmpty {
            help += "\n"
            markdown += "\n"
            for example in rule.examples {
                help += "\n\(example.triggers ? "Signalé" : "Correct") : \(example.text)"
                markdown += "\n- \(example.triggers ? "Signalé" : "Correct") : « \(example.text) »"
            }
        }
        w.object { w in
            w.field("id", rule.id)
            w.field("name", rule.name)
            w.object("shortDescription") { $0.field("text", rule.summary) }
            w.object("fullDescription") { $0.field("text", "\(rule.summary) \(rule.rationale)") }
            w.object("help") { w in
                w.field("text", help)
                w.field("markdown", markdown)
            }
            w.object("defaultConfiguration") { $0.field("level", level(rule.severity)) }
            w.object("properties") { w in
                w.strings("tags", ["langage-clair", rule.kind.rawValue])
                w.field("precision", "high")
            }
        }
    }

    /// `{"physicalLocation": {"artifactLocation": {"uri": …}, "region": {…}}}`
    static func location(_ uri: String, into w: inout JSONWriter, region: ((inout JSONWriter) -> Void)? = nil) {
        w.object { w in
            w.object("physicalLocation") { w in
                w.object("artifactLocation") { $0.field("uri", uri) }
                if let region { w.object("region", region) }
            }
        }
    }

    static func region(_ w: inout JSONWriter, _ start: SourceLocation, _ end: SourceLocation?) {
        w.field("startLine", start.line)
        w.field("startColumn", start.column)
        if let end {
            w.field("endLine", end.line)
            w.field("endColumn", end.column)
        }
    }

    /// FNV-1a, 64 bits: a stable fingerprint (Swift's `Hasher` changes from run to run).
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public func render(_ run: LintRun) -> String {
        let rules = run.rules
        var index: [String: Int] = [:]
        for (k, rule) in rules.enumerated() { index[rule.id] = k }
        let exitCode = run.exitCode
        var w = JSONWriter(capacity: 1 << 20)
        w.object { w in
            w.field("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
            w.field("version", "2.1.0")
            w.array("runs") { w in
                w.object { w in
                    w.object("tool") { w in
                        w.object("driver") { w in
                            w.field("name", "limpide")
                            w.field("fullName", "Limpide : courriers administratifs en français clair")
                            w.field("version", Limpide.version)
                            w.field("semanticVersion", Limpide.version)
                            w.field("language", "fr-FR")
                            w.array("rules") { w in for rule in rules { Self.descriptor(rule, into: &w) } }
                        }
                    }
                    w.array("invocations") { w in
                        w.object { w in
                            w.field("executionSuccessful", exitCode != 2)
                            w.field("exitCode", Int(exitCode))
                            let notifications = Self.notifications(run)
                            if !notifications.isEmpty {
                                w.array("toolExecutionNotifications") { w in
                                    for notification in notifications {
                                        w.object { w in
                                            w.field("level", notification.level)
                                            w.object("message") { $0.field("text", notification.message) }
                                            if let uri = notification.uri {
                                                w.array("locations") { w in
                                                    Self.location(uri, into: &w, region: notification.line.map { line in { w in w.field("startLine", line); w.field("startColumn", 1) } })
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                    w.field("columnKind", "unicodeCodePoints")
                    w.array("results") { w in
                        for file in run.files { Self.results(file, index: index, into: &w) }
                    }
                }
            }
        }
        return w.text
    }

    struct Notification {
        var level: String
        var message: String
        var uri: String?
        var line: Int?
    }

    /// Argument and input errors, notes and disappeared baseline entries.
    static func notifications(_ run: LintRun) -> [Notification] {
        var out: [Notification] = run.errors.map { Notification(level: "error", message: $0) }
        for file in run.files {
            let uri = Self.uri(file.displayPath)
            if let error = file.error { out.append(Notification(level: "error", message: error, uri: uri)) }
            for note in file.notes { out.append(Notification(level: "warning", message: note.message, uri: uri, line: note.line)) }
        }
        for entry in run.absent {
            let text = entry.text.isEmpty ? "" : " « \(entry.text) »"
            out.append(
                Notification(
                    level: "error", message: "[\(entry.rule)]\(text) n'apparaît plus : mettez la référence à jour (--ecrire-reference).",
                    uri: Self.uri(entry.file)))
        }
        return out
    }

    /// One result per issue, suppressed ones included (with their suppression).
    static func results(_ file: LintFileResult, index: [String: Int], into w: inout JSONWriter) {
        let uri = Self.uri(file.displayPath)
        var occurrences: [String: Int] = [:]
        for issue in file.issues {
            let finding = issue.finding
            let key = issue.rule + "\u{1F}" + Baseline.normalized(finding.text)
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            w.object { w in
                w.field("ruleId", issue.rule)
                w.field("ruleIndex", index[issue.rule])
                w.field("level", level(issue.severity))
                w.object("message") { $0.field("text", issue.message) }
                w.array("locations") { w in
                    location(uri, into: &w) { w in region(&w, issue.start, issue.isDocumentLevel ? nil : issue.end) }
                }
                w.object("partialFingerprints") { $0.field("limpide/v1", fingerprint("\(key)\u{1F}\(occurrence)")) }
                if let fix = finding.fix, let start = issue.fixStart, let end = issue.fixEnd {
                    w.array("fixes") { w in
                        w.object { w in
                            w.object("description") { $0.field("text", "Remplacer « \(finding.text) » par « \(finding.replacement ?? fix.text) »") }
                            w.array("artifactChanges") { w in
                                w.object { w in
                                    w.object("artifactLocation") { $0.field("uri", uri) }
                                    w.array("replacements") { w in
                                        w.object { w in
                                            w.object("deletedRegion") { region(&$0, start, end) }
                                            w.object("insertedContent") { $0.field("text", fix.text) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if let suppression = issue.suppression {
                    w.array("suppressions") { w in
                        w.object { w in
                            w.field("kind", "inSource")
                            w.field("status", "accepted")
                            w.field("justification", suppression.reason)
                        }
                    }
                }
            }
        }
    }
}
