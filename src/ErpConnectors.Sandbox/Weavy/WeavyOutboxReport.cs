namespace ErpConnectors.Sandbox;

/// <summary>
/// A report outbox the API created (POST v1/data/{projectCode}/outbox/report/?eventActionCode=...), as the
/// sandbox read it: the document's fields, and the body as sent.
/// </summary>
public sealed record WeavyOutboxReport(
    string EventActionCode,
    string BaseOutboxId,
    string ConfReportId,
    string RowId,
    string SourceEntity,
    string BaseUserId,
    int? FromArchive,
    int? Print,
    string? MessageSubject,
    string? MessageBody,
    string? FileName,
    string? PathExport,
    bool IsBodyHtml,
    IReadOnlyList<string> ReplyTo,
    IReadOnlyList<string> EmailTo,
    IReadOnlyList<WeavyOutboxAttachment> Attachments,
    DateTimeOffset ReceivedUtc,
    string Body);

/// <summary>One document to attach: where its binary data is stored, and how to name it.</summary>
public sealed record WeavyOutboxAttachment(string Entity, string DataColumn, string RowId, string Name, string MimeType);
