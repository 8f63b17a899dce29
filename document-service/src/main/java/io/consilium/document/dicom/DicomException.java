package io.consilium.document.dicom;

/**
 * The bytes are not a DICOM file this service can index: no {@code DICM} prefix ({@link #notDicom()} true),
 * truncated, malformed, or in a transfer syntax the reader does not handle. Messages never echo file content.
 */
public class DicomException extends Exception {

    private final boolean notDicom;

    DicomException(String message, boolean notDicom) {
        super(message, null, false, false);
        this.notDicom = notDicom;
    }

    static DicomException notDicomFile() {
        return new DicomException("not a DICOM file (no DICM prefix after the 128-byte preamble)", true);
    }

    static DicomException malformed(String message) {
        return new DicomException(message, false);
    }

    public boolean notDicom() {
        return notDicom;
    }
}
