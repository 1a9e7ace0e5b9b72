import Foundation

/// A suppression comment:
///
/// - `<!-- limpide-disable-next-line ID raison="…" -->`: the findings that start on the next line;
/// - `<!-- limpide-disable ID raison="…" -->` … `<!-- limpide-enable ID -->`: the findings that
///   start between the two (to the end of the file without `limpide-enable`).
///
/// In Markdown, HTML and XHTML they are HTML comments; in plain text the same words on a line of
/// their own that starts with `#` or `//` (`# limpide-disable-next-line phrase-longue`). Without an
/// id a directive covers every rule; several ids may follow, separated by spaces or commas. A
/// `limpide-enable` without an id ends every `limpide-disable`. A document-level result (`complexite`)
/// is suppressed by any `limpide-disable` of its rule in the file.
public struct SuppressionDirective: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        case disableNextLine = "limpide-disable-next-line"
        case disable = "limpide-disable"
        case enable = "limpide-enable"
    }

    public var action: Action
    /// Rule ids; empty for every rule.
    public var rules: [String]
    /// The `raison="…"`, if given.
    public var reason: String?
    /// Bytes of the whole comment (or of the plain-text line).
    public var range: Range<Int>
    /// 1-based lines where the directive starts and ends.
    public var line: Int
    public var endLine: Int

    public init(action: Action, rules: [String], reason: String?, range: Range<Int>, line: Int, endLine: Int) {
        self.action = action
        self.rules = rules
        self.reason = reason
        self.range = range
        self.line = line
        self.endLine = endLine
    }

    public func covers(_ rule: String) -> Bool { rules.isEmpty || rules.contains(rule) }
}

/// Why a finding is not reported: the directive's reason and line.
public struct Suppression: Sendable, Hashable, Codable {
    public var reason: String?
    /// The line of the directive.
    public var line: Int

    public init(reason: String?, line: Int) {
        self.reason = reason
        self.line = line
    }
}

/// The directives of a file, ready to answer "is this finding suppressed?".
public struct SuppressionIndex: Sendable {
    struct Interval: Sendable {
        var rule: String?
        var range: Range<Int>
        var suppression: Suppression
    }

    private var nextLine: [Int: [(rules: [String], suppression: Suppression)]] = [:]
    private var intervals: [Interval] = []

    public init(_ directives: [SuppressionDirective]) {
        var open: [String: (start: Int, suppression: Suppression)] = [:]
        let all = "\u{0}*"
        func close(_ key: String, at end: Int) {
            guard let opened = open.removeValue(forKey: key) else { return }
            intervals.append(Interval(rule: key == all ? nil : key, range: opened.start..<max(opened.start, end), suppression: opened.suppression))
        }
        for directive in directives.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            let suppression = Suppression(reason: directive.reason, line: directive.line)
            switch directive.action {
            case .disableNextLine:
                nextLine[directive.endLine + 1, default: []].append((directive.rules, suppression))
            case .disable:
                for key in directive.rules.isEmpty ? [all] : directive.rules where open[key] == nil {
                    open[key] = (directive.range.upperBound, suppression)
                }
            case .enable:
                let keys = directive.rules.isEmpty ? Array(open.keys) : directive.rules
                for key in keys.sorted() { close(key, at: directive.range.lowerBound) }
            }
        }
        for key in open.keys.sorted() { close(key, at: Int.max) }
    }

    /// The suppression that covers a finding of `rule` starting at byte `offset` on `line`;
    /// `documentLevel` for results about the whole document.
    public func suppression(rule: String, offset: Int, line: Int, documentLevel: Bool = false) -> Suppression? {
        if documentLevel {
            return intervals.first { $0.rule == nil || $0.rule == rule }?.suppression
        }
        if let entries = nextLine[line], let hit = entries.first(where: { $0.rules.isEmpty || $0.rules.contains(rule) }) {
            return hit.suppression
        }
        return intervals.first { ($0.rule == nil || $0.rule == rule) && $0.range.contains(offset) }?.suppression
    }

    public var isEmpty: Bool { nextLine.isEmpty && intervals.isEmpty }
}

/// Reads directives out of comments.
public enum DirectiveParser {
    /// What a comment's text says: a directive, nothing (an ordinary comment), or a problem.
    public enum Outcome: Sendable, Hashable {
        case none
        case directive(action: SuppressionDirective.Action, rules: [String], reason: String?)
        case problem(String)
    }

    /// Parses the inside of a comment (`limpide-disable phrase-longue raison="…"`).
    public static func parse(_ body: Substring) -> Outcome {
        let text = body.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard text.hasPrefix("limpide-") else { return .none }
        let keyword = text.prefix { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }
        guard let action = SuppressionDirective.Action(rawValue: String(keyword)) else {
            return .problem(
                "directive « \(keyword) » inconnue ; les directives sont limpide-disable-next-line, limpide-disable et limpide-enable.")
        }
        var rest = text.dropFirst(keyword.count)
        var rules: [String] = []
        var reason: String?
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," }
            guard !rest.isEmpty else { break }
            if rest.hasPrefix("raison=") {
                rest = rest.dropFirst("raison=".count)
                let closers: [Character: Character] = ["\"": "\"", "'": "'", "«": "»", "“": "”"]
                if let open = rest.first, let close = closers[open] {
                    rest = rest.dropFirst()
                    guard let end = rest.firstIndex(of: close) else { return .problem("la raison n'a pas de guillemet fermant.") }
                    reason = String(rest[..<end]).trimmingCharacters(in: .whitespacesAndNewlines)
                    rest = rest[rest.index(after: end)...]
                } else {
                    let word = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r") }
                    reason = String(word)
                    rest = rest.dropFirst(word.count)
                }
                if reason?.isEmpty == true { reason = nil }
                continue
            }
            let word = rest.prefix { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == ",") }
            rules.append(String(word))
            rest = rest.dropFirst(word.count)
        }
        if action == .enable, reason != nil { reason = nil }
        return .directive(action: action, rules: rules, reason: reason)
    }

    /// Directives in the HTML comments of bytes (Markdown, HTML, XHTML), outside `skip` ranges.
    public static func htmlComments(in bytes: [UInt8], source: SourceText, within comments: [Range<Int>]? = nil) -> (
        directives: [SuppressionDirective], problems: [(line: Int, message: String)]
    ) {
        let ranges = comments ?? commentRanges(in: bytes)
        var directives: [SuppressionDirective] = []
        var problems: [(Int, String)] = []
        for range in ranges {
            guard range.count >= 7 else { continue }
            let body = String(decoding: bytes[(range.lowerBound + 4)..<(range.upperBound - 3)], as: UTF8.self)
            let line = source.location(of: range.lowerBound).line
            switch parse(Substring(body)) {
            case .none: continue
            case .problem(let message): problems.append((line, message))
            case .directive(let action, let rules, let reason):
                directives.append(
                    SuppressionDirective(
                        action: action, rules: rules, reason: reason, range: range, line: line,
                        endLine: source.location(of: range.upperBound - 1).line))
            }
        }
        return (directives, problems)
    }

    /// Byte ranges of `<!-- … -->` comments.
    public static func commentRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        let n = bytes.count
        while i + 4 <= n {
            if bytes[i] == 0x3C, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                var j = i + 4
                var end: Int?
                while j + 3 <= n {
                    if bytes[j] == 0x2D, bytes[j + 1] == 0x2D, bytes[j + 2] == 0x3E {
                        end = j + 3
                        break
                    }
                    j += 1
                }
                guard let end else { break }
                ranges.append(i..<end)
                i = end
            } else {
                i += 1
            }
        }
        return ranges
    }

    /// Plain-text directives: lines that start with `#` or `//` followed by `limpide-…`.
    /// Returns the directives, and problems with their line.
    public static func plainTextLines(in bytes: [UInt8], source: SourceText) -> (directives: [SuppressionDirective], problems: [(line: Int, message: String)]) {
        var directives: [SuppressionDirective] = []
        var problems: [(Int, String)] = []
        for (index, start) in source.lineStarts.enumerated() {
            var end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : bytes.count
            while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
            var i = start
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            if i < end, bytes[i] == 0x23 {
                while i < end, bytes[i] == 0x23 { i += 1 }
            } else if i + 1 < end, bytes[i] == 0x2F, bytes[i + 1] == 0x2F {
                i += 2
            } else {
                continue
            }
            let body = String(decoding: bytes[i..<end], as: UTF8.self)
            switch parse(Substring(body)) {
            case .none: continue
            case .problem(let message): problems.append((index + 1, message))
            case .directive(let action, let rules, let reason):
                directives.append(
                    SuppressionDirective(action: action, rules: rules, reason: reason, range: start..<end, line: index + 1, endLine: index + 1))
            }
        }
        return (directives, problems)
    }
}
