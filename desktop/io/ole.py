"""A small reader for OLE2 compound files (the container of .xls workbooks
and of password-protected .xlsx/.docx files): the names of its streams and
the bytes of one stream. Bounded everywhere, since the file may be hostile;
any inconsistency raises ``OleError``."""

from __future__ import annotations

import struct

from desktop.io.limits import MAX_OLE_DIRECTORY_ENTRIES, MAX_OLE_SECTORS

MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END, _FAT, _DIFAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFC


class OleError(Exception):
    """Not a well-formed compound file."""


class OleFile:
    def __init__(self, data: bytes):
        if len(data) < 512 or not data.startswith(MAGIC):
            raise OleError("not an OLE2 compound file")
        self.data = data
        (sector_shift, mini_shift) = struct.unpack_from("<HH", data, 30)
        if sector_shift not in (9, 12) or mini_shift != 6:
            raise OleError("unsupported sector size")
        self.sector_size = 1 << sector_shift
        self.mini_size = 1 << mini_shift
        (n_fat, first_dir, _tx, self.mini_cutoff, first_minifat, n_minifat, first_difat, n_difat) = struct.unpack_from(
            "<IIIIIIII", data, 44
        )
        difat = list(struct.unpack_from("<109I", data, 76))
        sector = first_difat
        per = self.sector_size // 4 - 1
        for _ in range(min(n_difat, MAX_OLE_SECTORS)):
            if sector in (_END, _FREE):
                break
            words = struct.unpack_from(f"<{per + 1}I", self._sector(sector))
            difat.extend(words[:per])
            sector = words[per]
        fat_sectors = [s for s in difat if s not in (_FREE, _END)][:n_fat]
        if len(fat_sectors) > MAX_OLE_SECTORS // (self.sector_size // 4) + 1:
            raise OleError("FAT too large")
        self.fat: list[int] = []
        for s in fat_sectors:
            self.fat.extend(struct.unpack_from(f"<{self.sector_size // 4}I", self._sector(s)))
        self.entries = self._directory(first_dir)
        root = self.entries[0] if self.entries else None
        if root is None or root[1] != 5:
            raise OleError("no root entry")
        self.minifat: list[int] = []
        if n_minifat and first_minifat not in (_END, _FREE):
            raw = self._chain_bytes(first_minifat)
            self.minifat = list(struct.unpack_from(f"<{len(raw) // 4}I", raw))
        self.ministream = self._chain_bytes(root[2])[: root[3]] if root[2] not in (_END, _FREE) else b""

    def _sector(self, number: int) -> bytes:
        start = (number + 1) * self.sector_size
        if number >= MAX_OLE_SECTORS or start >= len(self.data):
            raise OleError("sector out of range")
        return self.data[start : start + self.sector_size].ljust(self.sector_size, b"\0")

    def _chain(self, first: int, table: list[int]) -> list[int]:
        chain, sector, seen = [], first, set()
        while sector not in (_END, _FREE):
            if sector in seen or sector >= len(table) or len(chain) > MAX_OLE_SECTORS:
                raise OleError("broken sector chain")
            seen.add(sector)
            chain.append(sector)
            sector = table[sector]
        return chain

    def _chain_bytes(self, first: int) -> bytes:
        return b"".join(self._sector(s) for s in self._chain(first, self.fat))

    def _directory(self, first: int) -> list[tuple[str, int, int, int]]:
        raw = self._chain_bytes(first)
        entries = []
        for offset in range(0, min(len(raw), 128 * MAX_OLE_DIRECTORY_ENTRIES), 128):
            name_len, kind = struct.unpack_from("<HB", raw, offset + 64)
            start, size = struct.unpack_from("<IQ", raw, offset + 116)
            name = raw[offset : offset + max(min(name_len, 64) - 2, 0)].decode("utf-16-le", errors="replace")
            if self.sector_size == 512:
                size &= 0xFFFFFFFF
            entries.append((name, kind, start, size))
        return entries

    def check_sizes(self) -> None:
        """Refuse streams declared larger than the file could hold: a reader
        that trusts the size would allocate it."""
        limit = len(self.data) * 2 + 4096
        for name, kind, _start, size in self.entries:
            if kind in (1, 2, 5) and size > limit:
                raise OleError(f"stream {name!r} declared larger than the file")

    def stream_names(self) -> list[str]:
        return [name for name, kind, _s, _z in self.entries if kind == 2]

    def read_stream(self, name: str) -> bytes:
        for entry_name, kind, start, size in self.entries:
            if kind == 2 and entry_name.lower() == name.lower():
                if size > len(self.data) * 2 + 4096:
                    raise OleError("stream larger than the file")
                if size < self.mini_cutoff:
                    chain = self._chain(start, self.minifat)
                    raw = b"".join(self.ministream[s * self.mini_size : (s + 1) * self.mini_size] for s in chain)
                else:
                    raw = self._chain_bytes(start)
                if len(raw) < size:
                    raise OleError("stream truncated")
                return raw[:size]
        raise KeyError(name)
