package publish

// NewWriter returns a Writer of files below root, which must exist.
func NewWriter(root string) *Writer { return newWriter(root, osOps{}) }
