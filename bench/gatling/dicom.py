"""A DICOM file of the given size in MiB (explicit VR little endian header, pixel data of zeros), for the upload
part of bench/gateway-load.sh; the same file bench/document-upload.sh writes."""
import struct, sys
path, size_mb = sys.argv[1], int(sys.argv[2])
def el(group, elem, vr, value):
    head = struct.pack('<HH', group, elem) + vr.encode()
    if vr in ('OB', 'OW', 'SQ', 'UN', 'UT'):
        return head + b'\0\0' + struct.pack('<I', len(value)) + value
    return head + struct.pack('<H', len(value)) + value
def ui(s):
    b = s.encode(); return b + (b'\0' if len(b) % 2 else b'')
def tx(s):
    b = s.encode(); return b + (b' ' if len(b) % 2 else b'')
meta = (el(2, 1, 'OB', b'\0\1') + el(2, 2, 'UI', ui('1.2.840.10008.5.1.4.1.1.2'))
        + el(2, 3, 'UI', ui('1.2.826.0.1.3680043.10.9.1')) + el(2, 0x10, 'UI', ui('1.2.840.10008.1.2.1')))
header = b'\0' * 128 + b'DICM' + el(2, 0, 'UL', struct.pack('<I', len(meta))) + meta
header += (el(8, 0x16, 'UI', ui('1.2.840.10008.5.1.4.1.1.2')) + el(8, 0x18, 'UI', ui('1.2.826.0.1.3680043.10.9.1'))
           + el(8, 0x20, 'DA', tx('20261125')) + el(8, 0x60, 'CS', tx('CT')) + el(0x18, 0x15, 'CS', tx('CHEST'))
           + el(0x20, 0xD, 'UI', ui('1.2.826.0.1.3680043.10.9.2')) + el(0x20, 0xE, 'UI', ui('1.2.826.0.1.3680043.10.9.3')))
pixels = size_mb * 1024 * 1024 - len(header) - 12
pixels -= pixels % 2
with open(path, 'wb') as f:
    f.write(header + struct.pack('<HH', 0x7FE0, 0x10) + b'OW\0\0' + struct.pack('<I', pixels))
    chunk = b'\0' * (8 << 20)
    left = pixels
    while left > 0:
        f.write(chunk[:min(len(chunk), left)]); left -= min(len(chunk), left)
