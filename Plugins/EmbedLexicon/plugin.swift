import Foundation
import PackagePlugin

/// Embeds every `Lexicon/*.tsv` file of the package into the target as Swift source.
@main
struct EmbedLexicon: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexiconDirectory = context.package.directoryURL.appending(path: "Lexicon")
        let files = try FileManager.default
            .contentsOfDirectory(at: lexiconDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "tsv" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicon.swift")
        return [
            .buildCommand(
                displayName: "Embedding the lexicon (\(files.count) files)",
                executable: try context.tool(named: "LexiconEmbedder").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }
}
