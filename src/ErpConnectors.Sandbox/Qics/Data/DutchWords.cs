namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>
/// The vocabulary of the generated Qics records (the vendor is Dutch). Some names and cities hold a quote
/// ('s-Hertogenbosch, 't Hart) so string literals with '' escaping meet real data.
/// </summary>
internal static class DutchWords
{
    public static readonly string[] FirstNames =
    [
        "Daan", "Emma", "Sem", "Julia", "Lucas", "Mila", "Levi", "Tess", "Finn", "Sophie",
        "Noah", "Zoe", "Milan", "Sara", "Jesse", "Anna", "Bram", "Eva", "Thijs", "Lotte",
    ];

    public static readonly string[] LastNames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "'t Hart", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van 't Hof",
    ];

    public static readonly string[] CompanyForms = ["B.V.", "N.V.", "Installatietechniek", "Bouw", "Advies", "Groep", "& Zn."];

    public static readonly string[] Cities =
    [
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "'s-Hertogenbosch",
        "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Zwolle",
    ];

    public static readonly string[] ProjectNames =
    [
        "Renovatie kantoor", "Nieuwbouw hal", "Onderhoudscontract", "Migratie ERP", "Adviestraject", "Installatie zonnepanelen",
        "Uitbreiding magazijn", "Implementatie", "Audit", "Herinrichting",
    ];

    public static readonly string[] ItemNouns =
    [
        "Advieswerk", "Montage", "Kabel", "Schakelaar", "Licentie", "Onderhoud", "Reiskosten", "Materiaal", "Training", "Support",
    ];

    public static readonly string[] ItemKinds = ["per uur", "per stuk", "per meter", "per maand", "vast"];
}
