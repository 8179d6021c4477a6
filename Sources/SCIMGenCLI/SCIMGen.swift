/// The scimgen command line.
