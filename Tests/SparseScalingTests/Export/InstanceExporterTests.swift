import Foundation
import Testing
@testable import SparseScaling

/// The NumPy export: valid .npy files, and a NumPy user recomputes v and loss_observed from them.
@Suite struct InstanceExporterTests {
    @Test func npyHeaderIsValidAndAligned() {
        let data = NumPyArray.float64([1, 2, 3, 4, 5, 6], shape: [2, 3])
        #expect(Array(data.prefix(8)) == [0x93] + Array("NUMPY".utf8) + [1, 0])
        let headerLength = Int(data[8]) + Int(data[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: data[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.contains("'descr': '<f8'") && header.contains("'shape': (2, 3)") && header.hasSuffix("\n"))
        #expect(data.count == 10 + headerLength + 6 * 8)
        let first = data[(10 + headerLength)..<(18 + headerLength)].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(Double(bitPattern: UInt64(littleEndian: first)) == 1)
        #expect(String(decoding: NumPyArray.int64([7], shape: [1]).dropFirst(10).prefix(64), as: UTF8.self).contains("(1,)"))
    }

    @Test func numpyRecomputesTheReadoutAndLoss() throws {
        let python = "/usr/bin/env"
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["python3", "-c", "import numpy"]
        probe.standardError = FileHandle.nullDevice
        try probe.run()
        probe.waitUntilExit()
        try #require(probe.terminationStatus == 0, "python3 with numpy is needed to check the export against NumPy")
        // The package root: the first folder above this file that holds Package.swift.
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path), root.path != "/" {
            root.deleteLastPathComponent()
        }
        let script = root.appendingPathComponent("scripts/check_export.py")
        // Noisy labels (σ > 0): the reduced solve with the targets' noise σz must equal NumPy's pinv of the exported y.
        for (alpha, beta, m, n, d, ridge, noise) in [
            (0.0, 2.0, InputDimension.infinite, 64, 1000, 0.0, 0.0), (0.5, 0.8, .finite(500), 50, 400, 0.0, 0.0), (0.0, 1.5, .infinite, 300, 200, 0.0, 0.0),
            (0.0, 2.0, .infinite, 40, 100, 0.01, 0.0), (0.0, 2.0, .infinite, 64, 1000, 0.0, 0.1), (0.0, 1.5, .infinite, 300, 200, 0.0, 0.3),
            (0.5, 0.8, .finite(500), 50, 400, 0.0, 0.05), (0.0, 2.0, .infinite, 40, 100, 0.01, 0.2),
        ] {
            let spec = PointSpecification(parameters: try DataParameters(alpha: alpha, beta: beta, inputDimension: m), featureCount: n, sampleCount: d, ridge: ridge, seed: 3, labelNoise: noise)
            let plan = try PointPlan(spec, streamingBytes: .infinity)
            let (outcome, instance) = try LinearPointEvaluator.evaluateKeepingInstance(plan)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("export-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try InstanceExporter.write(instance: instance, plan: plan, outcome: outcome, to: folder)
            let check = Process()
            check.executableURL = URL(fileURLWithPath: python)
            check.arguments = ["python3", script.path, folder.path]
            check.standardOutput = FileHandle.nullDevice
            try check.run()
            check.waitUntilExit()
            #expect(check.terminationStatus == 0, "NumPy disagrees with the export for N = \(n), D = \(d), β = \(beta), σ = \(noise)")
        }
    }
}
