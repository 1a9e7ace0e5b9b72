// swift-tools-version: 6.0
import PackageDescription

// Speed measurements, kept out of the main package so that `swift test` and CI never build them.
// Run: cd Benchmarks && swift run -c release limpide-bench
let package = Package(
    name: "LimpideBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "limpide-bench",
            dependencies: [.product(name: "Limpide", package: "main")],
            swiftSettings: [.unsafeFlags(["-Ounchecked"])]
        )
    ],
    swiftLanguageModes: [.v6]
)
