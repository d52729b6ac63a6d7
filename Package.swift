// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Contain",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "contain", targets: ["ContainCLI"]),
        .library(name: "ContainModel", targets: ["ContainModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "ContainModel",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "ContainCLI",
            dependencies: [
                "ContainModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ContainModelTests",
            dependencies: ["ContainModel"]
        ),
        .testTarget(
            name: "ContainCLITests",
            dependencies: ["ContainCLI", "ContainModel"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
