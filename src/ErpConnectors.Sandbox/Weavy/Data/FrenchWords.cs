namespace ErpConnectors.Sandbox.Weavy.Data;

/// <summary>
/// The vocabulary of the generated Weavy records (the vendor is French). Accents and apostrophes are in on
/// purpose (Côte d'Armor, Hélène) so a client meets them in filters and exports.
/// </summary>
internal static class FrenchWords
{
    public static readonly string[] FirstNames =
    [
        "Camille", "Léa", "Hugo", "Louis", "Chloé", "Jules", "Manon", "Gabriel", "Inès", "Arthur",
        "Hélène", "Théo", "Zoé", "Nathan", "Élodie", "Lucas", "Sarah", "Mathis", "Anaïs", "Noé",
    ];

    public static readonly string[] LastNames =
    [
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
        "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
        "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "D'Almeida",
    ];

    public static readonly string[] CompanyForms = ["SARL", "SAS", "SA", "EURL", "et Fils", "Distribution", "Industrie", "Services"];

    public static readonly string[] Cities =
    [
        "Paris", "Lyon", "Marseille", "Toulouse", "Nice", "Nantes", "Strasbourg", "Montpellier", "Bordeaux", "Lille",
        "Rennes", "Reims", "Saint-Étienne", "Le Havre", "Grenoble", "Dijon", "Angers", "Nîmes", "Villeurbanne", "Saint-Brieuc",
    ];

    public static readonly string[] ProductNouns =
    [
        "Chaise", "Bureau", "Lampe", "Armoire", "Étagère", "Fauteuil", "Table", "Caisson", "Tabouret", "Vitrine",
    ];

    public static readonly string[] ProductAdjectives = ["bois", "métal", "pliante", "réglable", "d'angle", "haute", "basse", "design"];

    /// <summary>customer.status values (chosen: free text in the dictionary; these three occur in the seed).</summary>
    public static readonly string[] CustomerStatuses = ["Prospect", "Client", "Ancien client"];
}
