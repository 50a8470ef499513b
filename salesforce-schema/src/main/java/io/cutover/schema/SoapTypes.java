package io.cutover.schema;

/** The SOAP type Salesforce reports next to each field type, for overlay fields that do not state it. */
final class SoapTypes {

    private SoapTypes() {
    }

    static String of(String fieldType) {
        return switch (fieldType) {
            case "id", "reference" -> "tns:ID";
            case "boolean" -> "xsd:boolean";
            case "int" -> "xsd:int";
            case "double", "currency", "percent" -> "xsd:double";
            case "date" -> "xsd:date";
            case "datetime" -> "xsd:dateTime";
            case "time" -> "xsd:time";
            case "base64" -> "xsd:base64Binary";
            default -> "xsd:string";
        };
    }
}
