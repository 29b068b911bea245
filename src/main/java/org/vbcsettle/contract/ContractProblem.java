package org.vbcsettle.contract;

/**
 * One thing wrong with a contract document, in the form every tool prints:
 * {@code contracts/acme.yaml: arrangements[0].sharingRate: must be between 0 and 1, was 1.5}.
 *
 * @param source  the file name (or another name of the document, such as an HTTP request)
 * @param path    the field path inside the document, e.g. {@code arrangements[0].sharingRate}; empty for
 *                the document as a whole
 * @param message what is wrong
 */
public record ContractProblem(String source, String path, String message) {

    @Override
    public String toString() {
        return path == null || path.isEmpty()
                ? source + ": " + message
                : source + ": " + path + ": " + message;
    }
}
