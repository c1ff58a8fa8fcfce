// Placeholder so that the LinearAlgebraTests target declared in Package.swift has a source
// directory and the package builds; the linear-algebra tests live on another branch.
import Testing
