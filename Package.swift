// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Limpide",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Limpide", targets: ["Limpide"]),
        .executable(name: "limpide", targets: ["limpide"]),
    ],
    dependencies: [
        // Command-line parsing for the `limpide` tool (subcommands, help, completion).
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // YAML for `.limpide.yml` (limpide lint): 6.x is Sendable-annotated for Swift 6 and gives
        // each node its line, so configuration errors can name their line.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Turns Lexicon/*.tsv into Swift source at build time, so the executable carries its
        // lexicon and works wherever it is copied (no resource bundle to lose).
        .executableTarget(name: "LexiconEmbedder", path: "Sources/LexiconEmbedder"),
        .plugin(name: "EmbedLexicon", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
        // libxml2 from the system (Debian: libxml2-dev), for XHTML and HTML documents.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .target(
            name: "Limpide", dependencies: ["CLibXML2", .product(name: "Yams", package: "Yams")], plugins: ["EmbedLexicon"]),
        .executableTarget(
            name: "limpide",
            dependencies: [
                "Limpide",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The embedding example of the README: a program that uses the library.
        .executableTarget(name: "limpide-exemple", dependencies: ["Limpide"], path: "Examples/Embarquer"),
        .testTarget(name: "LimpideTests", dependencies: ["Limpide", "limpide"]),
    ],
    swiftLanguageModes: [.v6]
)
