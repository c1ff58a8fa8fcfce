// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "SparseScaling",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SparseScaling", targets: ["SparseScaling"]),
        .executable(name: "sparse-scaling", targets: ["sparse-scaling"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(
            name: "LinearAlgebra",
            dependencies: ["CLAPACK"]
        ),
        .target(name: "ScalingTheory", exclude: ["README.md"]),
        .target(
            name: "SparseScaling",
            dependencies: ["LinearAlgebra", "ScalingTheory"]
        ),
        .executableTarget(
            name: "sparse-scaling",
            dependencies: [
                "SparseScaling",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "ScalingTheoryTests", dependencies: ["ScalingTheory"]),
        .testTarget(name: "SparseScalingTests", dependencies: ["SparseScaling", "LinearAlgebra"]),
    ]
)
