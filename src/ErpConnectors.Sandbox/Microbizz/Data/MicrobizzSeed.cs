using System.Globalization;
using ErpConnectors.Sandbox.Hosting;

namespace ErpConnectors.Sandbox.Microbizz.Data;

/// <summary>
/// The generated rows: each a pure function of (seed, object, id), so any row is computed alone and a list of a
/// million tasks is generated as it is written. Fixed sizes (chosen): 200 companies, 50 foreign companies,
/// 20 users, 100 notifications (all the current user's, about a third read), 100 connections, and one
/// assignment per task for the first 500 tasks. Generated tasks have no attachment.
/// </summary>
internal sealed class MicrobizzSeed(int seed, long taskCount)
{
    public const int CompanyCount = 200;
    public const int ForeignCompanyCount = 50;
    public const int UserCount = 20;
    public const int NotificationCount = 100;
    public const int ConnectionCount = 100;
    public const int MaxAssignmentCount = 500;

    /// <summary>The demo user (user 1) works for company 1: currentuser, its subscription, its notifications.</summary>
    public const long CurrentUserId = 1;
    public const long CurrentCompanyId = 1;

    private static readonly string[] Cities = ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens", "Vejle", "Roskilde"];
    private static readonly string[] Branches = ["Tømrer", "VVS", "El", "Maler", "Murer", "Kloak", "Rengøring", "Anlæg"];
    private static readonly string[] Words = ["Nord", "Syd", "Øst", "Vest", "Fjord", "Skov", "Bakke", "Strand", "Hede", "Mølle", "Bro", "Havn"];
    private static readonly string[] FirstNames = ["Anne", "Mette", "Lars", "Søren", "Jens", "Hanne", "Mads", "Line", "Peter", "Camilla"];
    private static readonly string[] LastNames = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"];
    private static readonly string[] TaskWords = ["Udskift", "Reparer", "Efterse", "Mal", "Monter", "Rens", "Afmonter", "Isoler"];
    private static readonly string[] TaskThings = ["vandhane", "tagrende", "radiator", "dør", "vindue", "stikkontakt", "gulv", "facade"];

    /// <summary>Chosen statuses (the document's notification table names NEW; the rest are the sandbox's).</summary>
    public static readonly IReadOnlyList<string> TaskStatuses = ["NEW", "ACCEPTED", "STARTED", "DONE", "REJECTED"];

    public long TaskCount => taskCount;

    public long AssignmentCount => Math.Min(MaxAssignmentCount, taskCount);

    public static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public Dictionary<string, object?> Company(long id) => CompanyRow("company_id", 1, id);

    public Dictionary<string, object?> ForeignCompany(long id) => CompanyRow("foreigncompany_id", 2, id);

    public Dictionary<string, object?> User(long id)
    {
        var first = Pick(3, id, 0, FirstNames);
        var last = Pick(3, id, 1, LastNames);
        return new(StringComparer.Ordinal)
        {
            ["user_id"] = id,
            ["name"] = $"{first} {last}",
            ["email"] = string.Create(CultureInfo.InvariantCulture, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{id}@example.dk"),
        };
    }

    public Dictionary<string, object?> Task(long id) => new(StringComparer.Ordinal)
    {
        ["task_id"] = id,
        ["company_ref"] = 1 + Number(4, id, 0, CompanyCount),
        ["foreigncompany_ref"] = 1 + Number(4, id, 1, ForeignCompanyCount),
        ["title"] = string.Create(CultureInfo.InvariantCulture, $"{Pick(4, id, 2, TaskWords)} {Pick(4, id, 3, TaskThings)} #{id}"),
        ["description"] = string.Create(CultureInfo.InvariantCulture, $"Opgave {id} hos {Pick(4, id, 4, Cities)}."),
        ["status"] = Pick(4, id, 5, TaskStatuses),
        ["attachment"] = null,
    };

    public Dictionary<string, object?> Notification(long id) => new(StringComparer.Ordinal)
    {
        ["notification_id"] = id,
        ["user_ref"] = CurrentUserId,
        ["text"] = string.Create(CultureInfo.InvariantCulture, $"{Pick(5, id, 0, FirstNames)} has assigned you to the task #{1 + Number(5, id, 1, Math.Max(1, taskCount))}"),
        ["is_read"] = Number(5, id, 2, 3) == 0,
        ["related_object"] = taskCount > 0 ? new RelatedObject(MicrobizzObjects.Task, 1 + Number(5, id, 1, taskCount)) : null,
    };

    public Dictionary<string, object?> Connection(long id) => new(StringComparer.Ordinal)
    {
        ["connection_id"] = id,
        ["company_ref"] = 1 + Number(6, id, 0, CompanyCount),
        ["foreigncompany_ref"] = 1 + Number(6, id, 1, ForeignCompanyCount),
        ["outgoing_connection"] = Number(6, id, 2, 2) == 0,
        ["connection_status"] = Number(6, id, 3, 4) == 0 ? "pending" : "accepted",
        ["text"] = null,
    };

    public Dictionary<string, object?> Assignment(long id) => new(StringComparer.Ordinal)
    {
        ["assignment_id"] = id,
        ["task_ref"] = id,
        ["user_ref"] = 1 + Number(7, id, 2, UserCount),
    };

    private Dictionary<string, object?> CompanyRow(string key, int kind, long id)
    {
        var city = Pick(kind, id, 0, Cities);
        var name = string.Create(CultureInfo.InvariantCulture, $"{Pick(kind, id, 1, Words)}{Pick(kind, id, 2, Words).ToLowerInvariant()} {Pick(kind, id, 3, Branches)} ApS");
        return new(StringComparer.Ordinal)
        {
            [key] = id,
            ["vat_id"] = string.Create(CultureInfo.InvariantCulture, $"DK{10_000_000 + Number(kind, id, 4, 89_999_999)}"),
            ["companyname"] = name,
            ["branch"] = Pick(kind, id, 3, Branches),
            ["address"] = string.Create(CultureInfo.InvariantCulture, $"{Pick(kind, id, 5, Words)}vej {1 + Number(kind, id, 6, 120)}"),
            ["address2"] = null,
            ["zip"] = string.Create(CultureInfo.InvariantCulture, $"{1000 + Number(kind, id, 7, 8999)}"),
            ["city"] = city,
            ["country"] = "DK",
            ["phone"] = string.Create(CultureInfo.InvariantCulture, $"+45 {10_000_000 + Number(kind, id, 8, 89_999_999)}"),
            ["email"] = string.Create(CultureInfo.InvariantCulture, $"info{id}@{kind switch { 1 => "firma", _ => "kunde" }}.example.dk"),
            ["contactperson"] = $"{Pick(kind, id, 9, FirstNames)} {Pick(kind, id, 10, LastNames)}",
            ["additionaltext"] = null,
        };
    }

    private long Number(int kind, long id, int field, long count) =>
        (long)(SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix(((ulong)(uint)seed << 8) ^ (ulong)kind) ^ (ulong)id) ^ (ulong)field) % (ulong)count);

    private string Pick(int kind, long id, int field, IReadOnlyList<string> values) => values[(int)Number(kind, id, field, values.Count)];
}

/// <summary>The value of a related_object field: the endpoint the object comes from and its id.</summary>
internal sealed record RelatedObject(string Object, long Id);
