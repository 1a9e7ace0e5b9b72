/// A file pattern of `.limpide.yml` (`inclure`, `exclure`, `par-chemin`) and of `limpide lint`'s
/// arguments, matched against a relative path with `/` separators.
///
/// - `*` matches any characters but `/`; `?` one character but `/`; `[abc]`, `[a-z]`, `[!abc]` a
///   character of a class; `**` as a whole segment matches any number of folders, none included.
/// - A pattern without `/` matches a file or folder name at any depth (`*.md`, `brouillons`), as in
///   `.gitignore`; a leading `/` or `./` anchors it to the base folder instead.
/// - With `matchesFolders` (configuration patterns), a pattern that matches a folder matches
///   everything below it: `mentions-legales` or `docs/mentions-legales/` cover the whole folder.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    let segments: [Segment]

    enum Segment: Sendable, Hashable {
        /// `**`
        case anyDepth
        case name([Unicode.Scalar])
    }

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = Substring(pattern)
        var anchored = false
        while text.hasPrefix("./") {
            text = text.dropFirst(2)
            anchored = true
        }
        if text.hasPrefix("/") {
            text = text.drop { $0 == "/" }
            anchored = true
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        var parts = text.split(separator: "/", omittingEmptySubsequences: true).map { part -> Segment in
            part == "**" ? .anyDepth : .name(Array(part.unicodeScalars))
        }
        if !anchored, parts.count == 1 { parts.insert(.anyDepth, at: 0) }
        self.segments = parts
    }

    public var description: String { pattern }

    /// Whether a string holds wildcard characters (`*`, `?`, `[`).
    public static func hasWildcards(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// Whether the pattern matches a relative path (`docs/lettres/a.md`); with `matchesFolders`, a
    /// match on one of its folders is enough.
    public func matches(_ relativePath: String, matchesFolders: Bool = true) -> Bool {
        let path = relativePath.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.map { Array($0.unicodeScalars) }
        guard !path.isEmpty else { return false }
        if matchesFolders {
            for end in 1...path.count where Self.match(segments[...], path[..<end]) { return true }
            return false
        }
        return Self.match(segments[...], path[...])
    }

    static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        switch first {
        case .anyDepth:
            let rest = pattern.dropFirst()
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        case .name(let name):
            guard let segment = path.first, matchName(name[...], segment[...]) else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        }
    }

    /// Wildcard match of one path segment.
    static func matchName(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        var p = pattern.startIndex
        var n = name.startIndex
        // Backtracking point for the last `*`: where it is in the pattern and how much it took.
        var star: (pattern: Int, name: Int)?
        while n < name.endIndex {
            if p < pattern.endIndex {
                switch pattern[p] {
                case "*":
                    star = (p, n)
                    p += 1
                    continue
                case "?":
                    p += 1
                    n += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(pattern, at: p, name[n]) {
                        if matched {
                            p = next
                            n += 1
                            continue
                        }
                    } else if name[n] == "[" {
                        p += 1
                        n += 1
                        continue
                    }
                default:
                    if pattern[p] == name[n] {
                        p += 1
                        n += 1
                        continue
                    }
                }
            }
            guard let last = star else { return false }
            star = (last.pattern, last.name + 1)
            p = last.pattern + 1
            n = last.name + 1
        }
        while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// A `[…]` class at `start`: whether `c` is in it and where the pattern goes on; nil when the
    /// bracket is not closed (it is then a plain `[`).
    static func matchClass(_ pattern: ArraySlice<Unicode.Scalar>, at start: Int, _ c: Unicode.Scalar) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < pattern.endIndex, pattern[i] == "!" || pattern[i] == "^" {
            negated = true
            i += 1
        }
        var found = false
        var first = true
        while i < pattern.endIndex {
            let s = pattern[i]
            if s == "]", !first { return (found != negated, i + 1) }
            first = false
            if i + 2 < pattern.endIndex, pattern[i + 1] == "-", pattern[i + 2] != "]" {
                if s.value <= c.value && c.value <= pattern[i + 2].value { found = true }
                i += 3
            } else {
                if s == c { found = true }
                i += 1
            }
        }
        return nil
    }
}
