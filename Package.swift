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
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // OpenBLAS (CBLAS) and LAPACKE from Debian's libopenblas-dev and liblapacke-dev.
        .systemLibrary(
            name: "CLAPACK",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "LinearAlgebra", dependencies: ["CLAPACK"], exclude: ["README.md"], swiftSettings: optimizedInDebug),
        // NLopt (L-BFGS, BOBYQA) from Debian's libnlopt-dev: the optimizer of the calibration fits.
        .systemLibrary(name: "CNLopt", pkgConfig: "nlopt", providers: [.apt(["libnlopt-dev"])]),
        // Philox4x32-10 blocks in bulk (AVX2 when the processor has it, chosen at run time).
        .target(name: "CPhilox"),
        // The words every layer shares: data kind, feature map, solver, estimators, sampler.
        .target(name: "ScalingVocabulary", exclude: ["README.md"]),
        .target(name: "ScalingTheory", dependencies: ["ScalingAnalysis", "ScalingVocabulary"], exclude: ["README.md"], swiftSettings: optimizedInDebug),
        .target(name: "ScalingAnalysis", exclude: ["README.md"], swiftSettings: optimizedInDebug),
        .target(name: "SVGPlot", exclude: ["README.md"]),
        // Fits L(N, D) to measured runs (Chinchilla's Approach 3 and the model's own joined form), maps the
        // exponents onto (α, β) with bootstrap intervals, compares the forms by cross-validation.
        .target(name: "ScalingCalibration", dependencies: ["CNLopt", "ScalingAnalysis", "ScalingTheory", "SVGPlot"], exclude: ["README.md"], swiftSettings: optimizedInDebug),
        .target(
            name: "ResultsStore",
            dependencies: ["ScalingVocabulary", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["README.md"]
        ),
        .target(
            name: "SparseScaling",
            dependencies: ["CPhilox", "LinearAlgebra", "ScalingTheory", "ScalingAnalysis", "ResultsStore", "SVGPlot", "ScalingCalibration"],
            exclude: ["README.md"],
            swiftSettings: optimizedInDebug
        ),
        // The `bench` measurements: solver speed, growth exponents, kernel GFLOP/s, peak memory.
        .target(
            name: "SparseScalingBenchmarks",
            dependencies: ["SparseScaling", "LinearAlgebra", "ScalingAnalysis", "ScalingVocabulary"],
            exclude: ["README.md"]
        ),
        .executableTarget(
            name: "sparse-scaling",
            dependencies: [
                "SparseScaling",
                "SparseScalingBenchmarks",
                "ResultsStore",
                "ScalingCalibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["README.md"]
        ),
        // Helpers shared by test targets: file-state snapshots, a seeded generator, the heavy tier's `.heavy` trait.
        .target(name: "TestSupport", dependencies: ["ScalingAnalysis"], path: "Tests/TestSupport"),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "ScalingTheoryTests", dependencies: ["ScalingTheory", "LinearAlgebra", "TestSupport"]),
        .testTarget(name: "ScalingAnalysisTests", dependencies: ["ScalingAnalysis"]),
        .testTarget(name: "SVGPlotTests", dependencies: ["SVGPlot"]),
        .testTarget(name: "ScalingCalibrationTests", dependencies: ["ScalingCalibration", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ResultsStoreTests", dependencies: ["ResultsStore", "TestSupport"]),
        .testTarget(name: "SparseScalingTests", dependencies: ["SparseScaling", "LinearAlgebra", "ScalingCalibration", "TestSupport"]),
        .testTarget(name: "SparseScalingBenchmarksTests", dependencies: ["SparseScalingBenchmarks", "SparseScaling", "LinearAlgebra"]),
        // Spawns the built `sparse-scaling` executable: bad inputs, kill-and-resume, determinism, sharding.
        .testTarget(
            name: "SparseScalingCLITests",
            dependencies: ["sparse-scaling", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
    ]
)

/// `-O` in debug builds too, for the targets that compute (linear algebra, theory, analysis, calibration, the simulation):
/// the tests and a debug CLI run their solvers, Monte Carlo laws and spectral equations at sizes that take minutes
/// unoptimized. Release builds are optimized already; `-enable-testing` stays on, so `@testable` imports work, and
/// preconditions and overflow checks stay (they go only with -Ounchecked).
var optimizedInDebug: [SwiftSetting] { [.unsafeFlags(["-O"], .when(configuration: .debug))] }
