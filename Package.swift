// swift-tools-version:6.0
import PackageDescription

// Foundation only: the customer asked for no package dependencies.
let package = Package(
    name: "scimgen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "scimgen", targets: ["scimgen"]),
        .library(name: "SCIMGenKit", targets: ["SCIMGenKit"]),
        .library(name: "Mustache", targets: ["Mustache"]),
    ],
    targets: [
        // A logic-less template engine held to the official Mustache spec.
        .target(name: "Mustache"),
        // The pure library: descriptors, SCIM catalog, outputs. Never prints, never exits.
        .target(name: "SCIMGenKit", dependencies: ["Mustache"]),
        // The commands: argument parsing, diagnostics printing, exit codes. Testable in process.
        .target(name: "SCIMGenCLI", dependencies: ["SCIMGenKit", "Mustache"]),
        // A tiny main.swift over SCIMGenCLI.
        .executableTarget(name: "scimgen", dependencies: ["SCIMGenCLI"]),
        // Benchmarks print figures; they are never tests.
        .executableTarget(name: "scimgen-benchmark", dependencies: ["SCIMGenKit", "Mustache"]),
        .executableTarget(name: "template-benchmark", dependencies: ["Mustache", "SCIMGenKit"]),
        // A fuzz target: libFuzzer's entry point, plus a built-in mutation loop when built normally.
        .executableTarget(name: "scimgen-fuzz", dependencies: ["SCIMGenKit", "Mustache"]),
        // Helpers every test target shares (marked test input); never part of a product.
        .target(name: "TestSupport", dependencies: ["SCIMGenKit"], path: "Tests/TestSupport"),
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "TestSupport"]),
        .testTarget(name: "SCIMGenKitTests", dependencies: ["SCIMGenKit", "TestSupport"]),
        .testTarget(name: "SCIMGenCLITests", dependencies: ["SCIMGenCLI", "SCIMGenKit", "TestSupport"]),
    ]
)
