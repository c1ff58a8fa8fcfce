import SparseScaling
import LinearAlgebra

/// One run of the reduced solver on sparse data (docs/theory.md §3), timed phase by phase. It performs the
/// same steps as `LinearPointEvaluator` with `solver: .reduced`, so its loss equals that point's loss.
package struct ReducedSolverProfile: Sendable, Codable {
    /// Seconds drawing the D samples and the observed set S (the data stream).
    package var sampling: Double = 0
    /// Seconds gathering the second moment from the samples: the sparse factor's block moments
    /// (`SparseMomentBlocks`: hub choice, components, block moments), plus the dense A = X_S X_Sᵀ
    /// when the sparse factor declined.
    package var secondMoment: Double = 0
    /// Seconds drawing W_S and w*_S.
    package var embedding: Double = 0
    /// Seconds factoring A = R Rᵀ: the sparse factor from the block moments
    /// (`SparseSecondMomentFactor`: block Cholesky factors, couplings, the hubs' Schur complement),
    /// or, when it declined, the dense pivoted Cholesky of the scaled A.
    package var factorization: Double = 0
    /// Seconds forming B = W_S R and c = Rᵀ w*_S (sparse R, or a dgemm for the dense R).
    package var product: Double = 0
    /// Seconds solving for the readout v = c B⁺ (`readoutRoute` says which factorization).
    package var readout: Double = 0
    /// Seconds evaluating the population loss.
    package var loss: Double = 0
    /// Whether the sparse factor was used (otherwise the dense A and its pivoted Cholesky).
    package var sparseFactor = false
    /// Hubs h of the sparse factor (0 for the dense one).
    package var hubCount = 0
    /// Largest component of the sparse factor (0 for the dense one).
    package var largestBlock = 0
    /// K = |S|.
    package var observedCount = 0
    /// Rank r of the factor R.
    package var factorRank = 0
    /// Rank of B used by the readout.
    package var readoutRank = 0
    /// The factorization that applied B⁺.
    package var readoutRoute: PseudoinverseRoute = .singularValueDecomposition
    /// Time and flops of each BLAS-3/LAPACK kernel of the readout (e.g. dsyrk, dpotrf), in the order they ran.
    package var readoutKernels: [KernelTimer.Entry] = []
    /// The population loss (expected tail).
    package var lossValue = 0.0

    /// Total seconds.
    package var total: Double { sampling + secondMoment + embedding + factorization + product + readout + loss }
    /// Seconds of the data stream (sampling and second moment): O(D·k̄²).
    package var streaming: Double { sampling + secondMoment }
    /// Seconds of the dense part (factorization, product, readout): depends on K and N only.
    package var dense: Double { factorization + product + readout }

    /// Runs the reduced solver on sparse data for `specification` (its `solver` is ignored).
    package init(_ specification: PointSpecification, threads: Int = ParallelChunks.defaultThreads) throws {
        try specification.validate()
        precondition(specification.data == .sparse, "the reduced-solver profile needs sparse data")
        let seed = specification.seed
        var clock = PhaseClock()
        let set = SparseTrainingSet(
            sampler: SparseSampler(parameters: specification.parameters, seed: seed),
            sampleCount: specification.sampleCount, threads: threads)
        sampling = clock.lap()
        let w = RandomEmbedding(featureCount: specification.featureCount, seed: seed).columns(set.observed, threads: threads)
        let teacher = Teacher(seed: seed).weights(set.observed)
        embedding = clock.lap()
        let b: Matrix, c: [Double]
        let moment: SparseMomentBlocks?
        do { moment = try SparseMomentBlocks(set) } catch { moment = nil }
        secondMoment = clock.lap()
        if let moment, let r = try? SparseSecondMomentFactor(moment) {
            factorization = clock.lap()
            sparseFactor = true
            hubCount = r.hubCount
            largestBlock = r.largestBlock
            factorRank = r.rank
            b = r.embed(w)
            c = r.transposeTimes(teacher)
        } else {
            let a = set.secondMoment()
            secondMoment += clock.lap()
            let r = try SecondMomentFactor.factor(a)
            factorization = clock.lap()
            factorRank = r.columns
            b = BLAS.product(w, r)
            c = BLAS.multiply(r, teacher, trans: .transposed)
        }
        product = clock.lap()
        let timer = KernelTimer()
        let solution = try LeastSquaresReadout.solve(
            features: b, targets: c, sampleCount: specification.sampleCount, ridge: specification.ridge,
            relativeTolerance: specification.tolerance, timer: timer)
        readout = clock.lap()
        let observedLoss = PopulationLoss.observedPart(
            parameters: specification.parameters, coordinates: set.observed, embedding: w, teacher: teacher,
            readout: solution.weights)
        let tail = PopulationLoss.expectedTail(parameters: specification.parameters, observed: set.observed, readout: solution.weights)
        loss = clock.lap()
        observedCount = set.observedCount
        readoutRank = solution.rank
        readoutRoute = solution.route ?? .singularValueDecomposition
        readoutKernels = timer.entries
        lossValue = observedLoss + tail
    }

    /// GFLOP/s of the product W_S·R (N × K times K × r).
    package func productGflops(featureCount n: Int) -> Double {
        KernelFlops.gemm(m: n, n: factorRank, k: observedCount) / product / 1e9
    }

    /// GFLOP/s of the pivoted Cholesky factorization.
    package var factorizationGflops: Double {
        KernelFlops.pivotedCholesky(n: observedCount, rank: factorRank) / factorization / 1e9
    }

    /// GFLOP/s of the readout as a whole: the nominal flops of the kernels it ran over its whole time.
    package var readoutGflops: Double {
        readoutKernels.reduce(0) { $0 + $1.flops } / readout / 1e9
    }
}
