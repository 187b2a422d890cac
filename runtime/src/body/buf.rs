//! The buffer bodies and formatted header values are written into: on the stack while they fit.

use bytes::Bytes;
use core::fmt;

/// Bytes being written: on the stack while they fit, so the heap copy is made once, at its
/// exact size (a `Bytes` made from an exact-size buffer needs no second allocation); or, when
/// the exact size is known before writing, straight into a heap buffer of that size.
// The inline variant is the large one on purpose: it is the stack buffer.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Buf<const N: usize> {
    Inline([u8; N], usize),
    Heap(Vec<u8>),
}

impl<const N: usize> Buf<N> {
    pub(crate) fn new() -> Self {
        Buf::Inline([0; N], 0)
    }

    /// A buffer for exactly `len` bytes: written in place and handed to `Bytes` without a copy.
    pub(crate) fn exact(len: usize) -> Self {
        Buf::Heap(Vec::with_capacity(len))
    }

    // Inlined, with the spill out of line: most pushes are gaps of constant length, which
    // then copy as fixed-size moves.
    #[inline(always)]
    pub(crate) fn extend_from_slice(&mut self, bytes: &[u8]) {
        match self {
            Buf::Inline(inline, len) => {
                let end = *len + bytes.len();
                if let Some(room) = inline.get_mut(*len..end) {
                    room.copy_from_slice(bytes);
                    *len = end;
                    return;
                }
            }
            Buf::Heap(heap) => return heap.extend_from_slice(bytes),
        }
        self.spill_extend(bytes);
    }

    #[cold]
    #[inline(never)]
    fn spill_extend(&mut self, bytes: &[u8]) {
        if let Buf::Inline(inline, len) = self {
            let mut heap = Vec::with_capacity(2 * N + bytes.len());
            heap.extend_from_slice(&inline[..*len]);
            *self = Buf::Heap(heap);
        }
        if let Buf::Heap(heap) = self {
            heap.extend_from_slice(bytes);
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            Buf::Inline(_, len) => *len,
            Buf::Heap(heap) => heap.len(),
        }
    }

    /// Cuts what was written back to its first `len` bytes (a message whose `Display` failed).
    pub(crate) fn truncate(&mut self, to: usize) {
        match self {
            Buf::Inline(_, len) => *len = (*len).min(to),
            Buf::Heap(heap) => heap.truncate(to),
        }
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        match self {
            Buf::Inline(inline, len) => &inline[..*len],
            Buf::Heap(heap) => heap,
        }
    }

    pub(crate) fn into_bytes(self) -> Bytes {
        match self {
            Buf::Inline(inline, len) => Bytes::copy_from_slice(&inline[..len]),
            Buf::Heap(heap) => Bytes::from(heap),
        }
    }
}

/// The body buffer: error bodies are almost always shorter than this.
pub(crate) type BodyBuf = Buf<256>;

impl<const N: usize> crate::layout::Sink for Buf<N> {
    #[inline(always)]
    fn push(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

impl<const N: usize> fmt::Write for Buf<N> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

// serde_json writes a body with details through `std::io::Write`.
impl<const N: usize> std::io::Write for Buf<N> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buffer_spills_past_its_inline_size() {
        let mut out = Buf::<4>::new();
        out.extend_from_slice(b"abc");
        assert_eq!(out.as_slice(), b"abc");
        out.extend_from_slice(b"defgh");
        out.extend_from_slice(b"!");
        assert_eq!(out.as_slice(), b"abcdefgh!");
        assert_eq!(out.len(), 9);
        out.truncate(4);
        assert_eq!(out.as_slice(), b"abcd");
        assert_eq!(out.into_bytes().as_ref(), b"abcd");
        let mut inline = Buf::<8>::new();
        inline.extend_from_slice(b"abcdef");
        inline.truncate(2);
        assert_eq!((inline.len(), inline.as_slice()), (2, &b"ab"[..]));
        let mut exact = Buf::<4>::exact(6);
        exact.extend_from_slice(b"abc");
        exact.extend_from_slice(b"def");
        assert_eq!(exact.into_bytes().as_ref(), b"abcdef");
    }
}
