import Foundation

/// `--corriger`: applies the safe replacements (`jargon-remplacable`) to a file's bytes, and
/// writes the file atomically.
public enum LintFixer {
    /// The rule whose fixes are safe to apply without a person: the lexicon's replacements,
    /// already adapted to the sentence (elisions, agreement).
    public static let safeRule = ReplaceableJargonRule.description.id

    /// The edits to apply: fixes of the safe rule, not suppressed, sorted, without overlaps.
    public static func edits(for issues: [LintIssue]) -> [Edit] {
        var edits: [Edit] = []
        let candidates = issues.compactMap { issue -> Edit? in
            guard issue.rule == safeRule, issue.suppression == nil else { return nil }
            return issue.finding.fix
        }
        for edit in candidates.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            if let last = edits.last, last.range.upperBound > edit.range.lowerBound { continue }
            edits.append(edit)
        }
        return edits
    }

    /// The bytes with sorted, non-overlapping edits applied; everything else copied as it is.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.text.utf8.count })
        var cursor = 0
        for edit in edits where edit.range.lowerBound >= cursor && edit.range.upperBound <= bytes.count {
            output.append(contentsOf: bytes[cursor..<edit.range.lowerBound])
            output.append(contentsOf: edit.text.utf8)
            cursor = edit.range.upperBound
        }
        output.append(contentsOf: bytes[cursor...])
        return output
    }
}

/// Why a file was not rewritten.
public enum FixWriteError: Error, Sendable, Equatable {
    /// The file changed after Limpide read it: it is left alone.
    case changed
    /// The file system refused (message in French).
    case failed(String)
}

/// Replaces a file's content atomically: a temporary file in the same folder, then a rename, only
/// if the file is still exactly as it was read (same bytes, same modification date).
public enum AtomicFileWriter {
    /// The modification date of a file, nil when it cannot be read.
    public static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }

    public static func replace(path: String, expected original: [UInt8], modified: Date?, with bytes: [UInt8]) throws(FixWriteError) {
        let manager = FileManager.default
        // Write through a symbolic link to the file it points to, and keep the link.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/." + name + ".limpide-" + UUID().uuidString + ".tmp"
        var attributes: [FileAttributeKey: Any] = [:]
        if let permissions = (try? manager.attributesOfItem(atPath: target))?[.posixPermissions] { attributes[.posixPermissions] = permissions }
        guard manager.createFile(atPath: temporary, contents: nil, attributes: attributes), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw .failed("impossible de créer un fichier temporaire dans « \(folder) » (droits d'accès ?).")
        }
        do {
            try handle.write(contentsOf: Data(bytes))
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? manager.removeItem(atPath: temporary)
            throw .failed("impossible d'écrire le fichier temporaire (disque plein ?).")
        }
        // Just before the rename: the file must be exactly as it was read.
        let now = manager.contents(atPath: target).map { Array($0) }
        guard modificationDate(target) == modified, now == original else {
            try? manager.removeItem(atPath: temporary)
            throw .changed
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(atPath: temporary)
            throw .failed("impossible de remplacer le fichier (\(reason)).")
        }
    }
}
