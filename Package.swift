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
    ],
    targets: [
        // Turns Lexicon/*.tsv into Swift source at build time, so the executable carries its
        // lexicon and works wherever it is copied (no resource bundle to lose).
        .executableTarget(name: "LexiconEmbedder", path: "Sources/LexiconEmbedder"),
        .plugin(name: "EmbedLexicon", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
        .target(name: "Limpide", plugins: ["EmbedLexicon"]),
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
