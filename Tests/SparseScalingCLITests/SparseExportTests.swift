import Foundation
import Testing

/// `export --sparse`: X_S.npz is what `scipy.sparse.save_npz` writes for CSR, and equals X_S.npy.
@Suite("Sparse export")
struct SparseExportTests {
    static let checkScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/check_export.py")

    @Test("X_S.npz loads with scipy and equals X_S.npy; observed.npy is 1-based (scripts/check_export.py)")
    func loadsInSciPy() throws {
        let probe = try SelfDescribingOutputTests.python(["-c", "import scipy.sparse, numpy"])
        try withTemporaryFolder { folder in
            let output = try CLI.run(["export", "--n", "16", "--d", "300", "--out", "ex", "--sparse"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            let archive = try Data(contentsOf: folder.appendingPathComponent("ex/X_S.npz"))
            #expect(archive.prefix(4) == Data([0x50, 0x4b, 0x03, 0x04]))  // a ZIP local file header
            for name in ["indices.npy", "indptr.npy", "format.npy", "shape.npy", "data.npy"] {
                #expect(archive.range(of: Data(name.utf8)) != nil, "X_S.npz lacks \(name)")
            }
            guard probe.status == 0 else {
                print("skipped the SciPy load: python3 with scipy and numpy is not available")
                return
            }
            let check = try SelfDescribingOutputTests.python([Self.checkScript.path, "ex"], in: folder)
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
            #expect(check.stdout.contains("X_S.npz: csr"))
            #expect(check.stdout.contains("equal to X_S.npy: True"))
        }
    }

    @Test("without --sparse no X_S.npz is written")
    func notByDefault() throws {
        try withTemporaryFolder { folder in
            let output = try CLI.run(["export", "--n", "8", "--d", "50", "--out", "ex"], in: folder)
            #expect(output.status == 0, "\(output.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("ex/X_S.npz").path))
        }
    }

    @Test("export --force removes the files of the previous export it does not rewrite: no stale X_S.npz")
    func forceRemovesStaleFiles() throws {
        try withTemporaryFolder { folder in
            let sparse = try CLI.run(["export", "--n", "8", "--d", "50", "--seed", "1", "--sparse", "--out", "ex"], in: folder)
            #expect(sparse.status == 0, "\(sparse.stderr)")
            try Data("keep".utf8).write(to: folder.appendingPathComponent("ex/notes.txt"))
            let again = try CLI.run(["export", "--n", "8", "--d", "60", "--seed", "2", "--force", "--out", "ex"], in: folder)
            #expect(again.status == 0, "\(again.stderr)")
            let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("ex").path))
            #expect(!names.contains("X_S.npz"), "a stale X_S.npz of the first export is left")
            #expect(names == Set(["X_S.npy", "W_S.npy", "w_S.npy", "lambda_S.npy", "observed.npy", "y.npy", "v.npy", "summary.json", "notes.txt"]))
        }
    }
}
