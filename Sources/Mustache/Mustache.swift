// The engine lives in this module; see Template.swift.
