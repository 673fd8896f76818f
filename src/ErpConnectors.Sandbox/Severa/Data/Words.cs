namespace ErpConnectors.Sandbox.Severa.Data;

/// <summary>The vocabulary generated records are made of (ASCII only, so e-mail addresses stay plain).</summary>
internal static class Words
{
    public static readonly string[] FirstNames =
    [
        "Aino", "Eero", "Helmi", "Juha", "Kaisa", "Lauri", "Maija", "Niko", "Oona", "Pekka",
        "Riikka", "Sami", "Tiina", "Ville", "Anna", "Mikko", "Laura", "Timo", "Sanna", "Jari",
        "Erik", "Ingrid", "Lars", "Astrid", "Nils", "Sofia", "Oskar", "Elsa", "Henrik", "Maria",
        "Emma", "Jonas", "Karin", "Peter", "Linnea", "Anders", "Hanna", "Matti", "Elina", "Tuomas",
    ];

    public static readonly string[] LastNames =
    [
        "Virtanen", "Korhonen", "Nieminen", "Makinen", "Hamalainen", "Laine", "Heikkinen", "Koskinen", "Jarvinen", "Lehtonen",
        "Saarinen", "Salminen", "Heinonen", "Niemi", "Kinnunen", "Salonen", "Turunen", "Salo", "Laitinen", "Tuominen",
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Hansen",
        "Berg", "Lindqvist", "Nyberg", "Holm", "Lund", "Strand", "Sundberg", "Aalto", "Rantanen", "Karjalainen",
    ];

    public static readonly string[] CompanySuffixes = ["Oy", "Ab", "Oyj", "AS", "AB", "Ltd", "GmbH"];

    public static readonly (string PostalCode, string City)[] FinnishCities =
    [
        ("00100", "Helsinki"), ("02100", "Espoo"), ("33100", "Tampere"), ("01300", "Vantaa"), ("20100", "Turku"),
        ("90100", "Oulu"), ("40100", "Jyvaskyla"), ("15100", "Lahti"), ("70100", "Kuopio"), ("28100", "Pori"),
    ];

    public static readonly string[] Streets =
    [
        "Mannerheimintie", "Hameenkatu", "Aleksanterinkatu", "Kauppakatu", "Satamakatu", "Puistokatu",
        "Rantatie", "Koulukatu", "Teollisuustie", "Asemakatu", "Kirkkokatu", "Tehtaankatu",
    ];

    public static readonly string[] Titles =
    [
        "CEO", "CFO", "Project Manager", "Purchasing Manager", "IT Manager", "Sales Director",
        "Office Manager", "Controller", "Developer", "Designer",
    ];

    public static readonly string[] Notes =
    [
        "Key account.", "Prefers e-invoices.", "Framework agreement renewed yearly.", "Contact by e-mail only.",
        "Part of a larger group.", "Pays reliably.",
    ];

    public static readonly string[] ProjectNames =
    [
        "Website renewal", "ERP rollout", "Data migration", "Mobile app", "Brand refresh", "Intranet",
        "Cloud move", "Security audit", "Customer portal", "Reporting", "Integration platform", "Support contract",
    ];

    public static readonly string[] PhaseNames =
    [
        "Planning", "Design", "Implementation", "Testing", "Deployment", "Training", "Maintenance", "Documentation",
    ];

    public static readonly string[] WorkDescriptions =
    [
        "Workshop with the customer", "Specification", "Coding", "Code review", "Bug fixing", "Status meeting",
        "Deployment", "Testing", "Documentation", "Travel", "Training session", "Support ticket",
    ];

    public static readonly (string Name, string Code, decimal HourlyPrice, bool IsActive)[] WorkTypes =
    [
        ("Design", "DES", 110m, true),
        ("Development", "DEV", 105m, true),
        ("Testing", "TST", 90m, true),
        ("Project management", "PM", 120m, true),
        ("Consulting", "CON", 140m, true),
        ("Training", "TRN", 100m, true),
        ("Support", "SUP", 85m, true),
        ("Travel", "TRV", 60m, true),
        ("Meeting", "MTG", 95m, true),
        ("Documentation", "DOC", 80m, true),
        ("Internal", "INT", 0m, true),
        ("Sales", "SAL", 95m, false),
    ];

    public static readonly string[] ProjectStatuses = ["Open", "In progress", "On hold", "Completed"];

    /// <summary>Name, isActive, isDefault, in sort order (the four of the vendor's invoicing workflow first).</summary>
    public static readonly (string Name, bool IsActive, bool IsDefault)[] InvoiceStatuses =
    [
        ("Draft", true, true),
        ("Approved", true, false),
        ("Sent", true, false),
        ("Paid", true, false),
        ("Reminder sent", true, false),
        ("Cancelled", false, false),
    ];

    public static readonly string[] BusinessUnits = ["Helsinki", "Tampere", "Stockholm"];

    public static readonly (string Name, string Code)[] Countries =
    [
        ("Finland", "FI"), ("Sweden", "SE"), ("Norway", "NO"), ("Estonia", "EE"), ("Germany", "DE"),
    ];
}
