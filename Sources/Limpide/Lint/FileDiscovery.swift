import Foundation

/// How `limpide lint` reads a file.
public enum LintDocumentKind: String, Sendable, Codable, CaseIterable {
    /// Plain text; suppression comments on lines that start with `#` or `//`.
    case texte
    /// Markdown, read as text with code blocks, code spans and HTML comments left out.
    case markdown
    /// HTML (libxml2's HTML parser).
    case html
    /// XHTML (well-formed XML).
    case xhtml

    /// The extensions `limpide lint` picks up in folders.
    public static let defaultExtensions: Set<String> = ["txt", "md", "markdown", "html", "htm", "xhtml", "xht"]

    /// The kind a path's extension suggests; plain text for any other extension.
    public static func forPath(_ path: String) -> LintDocumentKind {
        switch fileExtension(path) {
        case "md", "markdown", "mdown", "mkd": return .markdown
        case "html", "htm": return .html
        case "xhtml", "xht", "xml": return .xhtml
        default: return .texte
        }
    }

    public static func isLintedByDefault(_ path: String) -> Bool {
        defaultExtensions.contains(fileExtension(path))
    }

    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The markup parser of the kind, if it is markup.
    public var markupKind: MarkupKind? {
        switch self {
        case .html: .html
        case .xhtml: .xhtml
        case .texte, .markdown: nil
        }
    }
}

/// One file to lint: where it is, how it is shown, how it is read and the settings that apply.
public struct LintTarget: Sendable, Hashable {
    /// Absolute path, or `-` for standard input.
    public var path: String
    /// The path shown in reports (as given, or relative to the folder given).
    public var displayPath: String
    public var kind: LintDocumentKind
    public var settings: LintSettings
    /// The bytes, when they are already read (standard input).
    public var contents: [UInt8]?

    public init(path: String, displayPath: String, kind: LintDocumentKind, settings: LintSettings, contents: [UInt8]? = nil) {
        self.path = path
        self.displayPath = displayPath
        self.kind = kind
        self.settings = settings
        self.contents = contents
    }
}

/// Finds the configuration of each file: `--config`, or the nearest `.limpide.yml` in the file's
/// folder or above it, up to the root of the repository (the folder holding `.git`) or of the disk.
/// The nearest file applies whole; configurations are not merged.
public struct ConfigurationResolver: Sendable {
    /// The configuration named on the command line, if any: it applies to every file.
    public let explicit: LintConfiguration?
    /// Where files without a configuration take their patterns from.
    public let currentDirectory: String
    private var byDirectory: [String: LintConfiguration] = [:]
    private var byFile: [String: LintConfiguration] = [:]

    public init(explicit: LintConfiguration?, currentDirectory: String = FileManager.default.currentDirectoryPath) {
        self.explicit = explicit
        self.currentDirectory = LintPaths.absolute(currentDirectory)
    }

    /// The configuration for a file or folder (absolute path).
    public mutating func configuration(for absolutePath: String, isDirectory: Bool = false) throws(LintConfigurationError) -> LintConfiguration {
        if let explicit { return explicit }
        let start = isDirectory ? absolutePath : (absolutePath as NSString).deletingLastPathComponent
        return try configuration(inOrAbove: start)
    }

    private mutating func configuration(inOrAbove directory: String) throws(LintConfigurationError) -> LintConfiguration {
        if let known = byDirectory[directory] { return known }
        var found: LintConfiguration?
        for name in LintConfiguration.fileNames {
            let candidate = directory == "/" ? "/" + name : directory + "/" + name
            if FileManager.default.fileExists(atPath: candidate) {
                if let loaded = byFile[candidate] {
                    found = loaded
                } else {
                    let display = LintPaths.relative(candidate, to: currentDirectory) ?? candidate
                    let loaded = try LintConfiguration.load(path: candidate, name: display)
                    byFile[candidate] = loaded
                    found = loaded
                }
                break
            }
        }
        if found == nil {
            let isRepositoryRoot = FileManager.default.fileExists(atPath: directory + "/.git")
            if isRepositoryRoot || directory == "/" {
                found = LintConfiguration(directory: currentDirectory)
            } else {
                found = try configuration(inOrAbove: (directory as NSString).deletingLastPathComponent)
            }
        }
        let result = found ?? LintConfiguration(directory: currentDirectory)
        byDirectory[directory] = result
        return result
    }
}

/// What the command line names, turned into files to lint.
public struct LintDiscovery: Sendable {
    public var targets: [LintTarget] = []
    /// Problems with the arguments (missing file, pattern that matches nothing), in French.
    public var errors: [String] = []
    /// Files left out by `exclure`.
    public var excluded = 0
}

/// Turns `limpide lint`'s arguments (files, folders, patterns, `-`) into files to lint.
///
/// - A file named on the command line is linted whatever its extension, unless `exclure` covers it.
/// - A folder is walked recursively (hidden folders such as `.git` are skipped, symbolic links to
///   folders are not followed); its files are kept by `inclure`, or by the default extensions.
/// - An argument with `*`, `?` or `[` that names no file is a pattern relative to the current folder.
/// Files are listed once each, in a stable order.
public enum FileDiscovery {
    /// Settings from the command line, applied on top of each file's configuration.
    public struct CommandLineSettings: Sendable {
        public var failOn: Severity?
        public var maximumComplexity: Double?
        /// Extra lexicon files (absolute paths).
        public var lexicons: [String] = []
        public init(failOn: Severity? = nil, maximumComplexity: Double? = nil, lexicons: [String] = []) {
            self.failOn = failOn
            self.maximumComplexity = maximumComplexity
            self.lexicons = lexicons
        }
    }

    public static func discover(
        _ arguments: [String], resolver: inout ConfigurationResolver, commandLine: CommandLineSettings = CommandLineSettings(),
        standardInput: () -> [UInt8] = { [] }
    ) throws(LintConfigurationError) -> LintDiscovery {
        var discovery = LintDiscovery()
        var seen = Set<String>()
        let cwd = resolver.currentDirectory
        func settings(_ configuration: LintConfiguration, _ absolute: String) -> LintSettings {
            var settings = configuration.settings(for: absolute)
            if let failOn = commandLine.failOn { settings.failOn = failOn }
            if let maximum = commandLine.maximumComplexity { settings.thresholds.maximumComplexity = maximum }
            settings.lexicons += commandLine.lexicons.filter { !settings.lexicons.contains($0) }
            return settings
        }
        func add(_ absolute: String, display: String, explicit: Bool) throws(LintConfigurationError) {
            guard !seen.contains(absolute) else { return }
            let configuration = try resolver.configuration(for: absolute)
            if configuration.excludes(absolute) {
                discovery.excluded += 1
                return
            }
            guard explicit || configuration.includesDiscovered(absolute) else { return }
            seen.insert(absolute)
            discovery.targets.append(
                LintTarget(path: absolute, displayPath: display, kind: .forPath(absolute), settings: settings(configuration, absolute)))
        }

        for argument in arguments {
            if argument == "-" {
                guard !seen.contains("-") else { continue }
                seen.insert("-")
                let configuration = try resolver.configuration(for: cwd, isDirectory: true)
                discovery.targets.append(
                    LintTarget(path: "-", displayPath: "-", kind: .texte, settings: settings(configuration, cwd + "/-"), contents: standardInput()))
                continue
            }
            let absolute = LintPaths.absolute(argument, relativeTo: cwd)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    for file in walk(absolute) {
                        let relative = String(file.dropFirst(absolute == "/" ? 1 : absolute.count + 1))
                        try add(file, display: join(argument, relative), explicit: false)
                    }
                } else {
                    try add(absolute, display: clean(argument), explicit: true)
                }
                continue
            }
            guard Glob.hasWildcards(argument) else {
                discovery.errors.append("le fichier « \(argument) » n'existe pas.")
                continue
            }
            let matches = expand(argument, cwd: cwd)
            if matches.isEmpty { discovery.errors.append("aucun fichier ne correspond à « \(argument) ».") }
            for file in matches { try add(file, display: LintPaths.relative(file, to: cwd) ?? file, explicit: false) }
        }
        return discovery
    }

    /// `docs` + `a/b.md` → `docs/a/b.md`; `.` + `a.md` → `a.md`.
    static func join(_ folder: String, _ relative: String) -> String {
        var base = clean(folder)
        if base == "." || base.isEmpty { return relative }
        while base.hasSuffix("/"), base.count > 1 { base.removeLast() }
        return base == "/" ? "/" + relative : base + "/" + relative
    }

    /// `./docs/a.md` → `docs/a.md`.
    static func clean(_ path: String) -> String {
        var p = Substring(path)
        while p.hasPrefix("./"), p.count > 2 { p = p.dropFirst(2) }
        return String(p)
    }

    /// Files below a folder, sorted, hidden folders and files skipped, folder links not followed.
    static func walk(_ directory: String) -> [String] {
        var files: [String] = []
        var pending = [directory]
        let manager = FileManager.default
        while let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = folder == "/" ? "/" + name : folder + "/" + name
                let type = (try? manager.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
                if type == .typeDirectory {
                    pending.append(path)
                } else if type == .typeRegular {
                    files.append(path)
                } else if type == .typeSymbolicLink {
                    var isDirectory: ObjCBool = false
                    if manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue { files.append(path) }
                }
            }
        }
        return files.sorted()
    }

    /// The lintable files a pattern matches, relative to the current folder (or absolute).
    static func expand(_ pattern: String, cwd: String) -> [String] {
        let absolutePattern = LintPaths.absolute(pattern, relativeTo: cwd)
        // Walk from the longest folder without wildcards.
        var base: [Substring] = []
        for part in absolutePattern.split(separator: "/") {
            if Glob.hasWildcards(String(part)) { break }
            base.append(part)
        }
        let root = "/" + base.joined(separator: "/")
        let glob = Glob("/" + absolutePattern.split(separator: "/").dropFirst(base.count).joined(separator: "/"))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        return walk(root).filter { file in
            let relative = String(file.dropFirst(root == "/" ? 1 : root.count + 1))
            return glob.matches(relative, matchesFolders: false) && LintDocumentKind.isLintedByDefault(file)
        }
    }
}
