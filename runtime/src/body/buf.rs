//! The buffer bodies and formatted header values are written into: on the stack while they fit.

use bytes::Bytes;
use core::fmt;

/// Bytes being written: on the stack while they fit, so the heap copy is made once, at its
/// exact size (a `Bytes` made from an exact-size buffer needs no second allocation).
pub(crate) struct Buf<const N: usize> {
    inline: [u8; N],
    len: usize,
    spill: Vec<u8>,
}

impl<const N: usize> Buf<N> {
    pub(crate) fn new() -> Self {
        Buf {
            inline: [0; N],
            len: 0,
            spill: Vec::new(),
        }
    }

    // Inlined, with the spill out of line: most pushes are gaps of constant length, which
    // then copy as fixed-size moves into the stack buffer.
    #[inline(always)]
    pub(crate) fn extend_from_slice(&mut self, bytes: &[u8]) {
        if self.spill.capacity() == 0 {
            let end = self.len + bytes.len();
            if let Some(room) = self.inline.get_mut(self.len..end) {
                room.copy_from_slice(bytes);
                self.len = end;
                return;
            }
        }
        self.spill_extend(bytes);
    }

    #[cold]
    #[inline(never)]
    fn spill_extend(&mut self, bytes: &[u8]) {
        if self.spill.capacity() == 0 {
            self.spill.reserve(2 * N + bytes.len());
            self.spill.extend_from_slice(&self.inline[..self.len]);
        }
        self.spill.extend_from_slice(bytes);
    }

    pub(crate) fn len(&self) -> usize {
        if self.spill.capacity() == 0 {
            self.len
        } else {
            self.spill.len()
        }
    }

    /// Cuts what was written back to its first `len` bytes (a message whose `Display` failed).
    pub(crate) fn truncate(&mut self, len: usize) {
        if self.spill.capacity() == 0 {
            self.len = self.len.min(len);
        } else {
            self.spill.truncate(len);
        }
    }

    pub(crate) fn as_slice(&self) -> &[u8] {
        if self.spill.capacity() == 0 {
            &self.inline[..self.len]
        } else {
            &self.spill
        }
    }

    pub(crate) fn into_bytes(self) -> Bytes {
        if self.spill.capacity() == 0 {
            Bytes::copy_from_slice(&self.inline[..self.len])
        } else {
            Bytes::from(self.spill)
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
    }
}
