namespace ErpConnectors.Sandbox.Jiwa.Data;

/// <summary>The vocabulary of generated Jiwa records: an Australian wholesaler's customers and catalogue (ASCII only).</summary>
internal static class JiwaWords
{
    public static readonly string[] CompanyFirst =
    [
        "Acacia", "Banksia", "Coastal", "Dingo", "Eureka", "Flinders", "Gumtree", "Harbour", "Ironbark", "Jarrah",
        "Kookaburra", "Lachlan", "Murray", "Nullarbor", "Outback", "Pacific", "Quokka", "Riverina", "Southern", "Tasman",
        "Uluru", "Victoria", "Wattle", "Yarra", "Zenith", "Bluegum", "Capricorn", "Darling", "Emerald", "Golden",
    ];

    public static readonly string[] CompanySecond =
    [
        "Hardware", "Building Supplies", "Engineering", "Plumbing", "Electrical", "Trading", "Industries", "Farm Supplies",
        "Traders", "Fabrication", "Hire", "Construction", "Timber", "Marine", "Automotive", "Landscaping",
    ];

    public static readonly string[] CompanySuffixes = ["Pty Ltd", "Pty Ltd", "Pty Ltd", "Ltd", "& Co", "Group"];

    public static readonly string[] FirstNames =
    [
        "Jack", "Olivia", "Noah", "Charlotte", "William", "Amelia", "Oliver", "Isla", "Thomas", "Mia",
        "James", "Ava", "Lucas", "Grace", "Henry", "Chloe", "Ethan", "Zoe", "Liam", "Sophie",
    ];

    public static readonly string[] Surnames =
    [
        "Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Johnson", "Martin", "White",
        "Anderson", "Walker", "Thompson", "Thomas", "Ryan", "Kelly", "Harris", "Lee", "King", "Campbell",
    ];

    /// <summary>Suburb, state, postcode, telephone area code.</summary>
    public static readonly (string Suburb, string State, string Postcode, string Area)[] Places =
    [
        ("Sydney", "NSW", "2000", "02"), ("Parramatta", "NSW", "2150", "02"), ("Newcastle", "NSW", "2300", "02"),
        ("Wollongong", "NSW", "2500", "02"), ("Melbourne", "VIC", "3000", "03"), ("Geelong", "VIC", "3220", "03"),
        ("Ballarat", "VIC", "3350", "03"), ("Brisbane", "QLD", "4000", "07"), ("Townsville", "QLD", "4810", "07"),
        ("Toowoomba", "QLD", "4350", "07"), ("Perth", "WA", "6000", "08"), ("Fremantle", "WA", "6160", "08"),
        ("Adelaide", "SA", "5000", "08"), ("Hobart", "TAS", "7000", "03"), ("Launceston", "TAS", "7250", "03"),
        ("Canberra", "ACT", "2600", "02"), ("Darwin", "NT", "0800", "08"),
    ];

    public static readonly string[] Streets =
    [
        "George Street", "Pitt Street", "Collins Street", "Queen Street", "Hay Street", "King William Street",
        "Elizabeth Street", "Macquarie Street", "Bourke Street", "Adelaide Street", "Murray Street", "Smith Street",
        "Walker Street", "Church Street", "Victoria Road", "Princes Highway",
    ];

    public static readonly string[] ProductKinds =
    [
        "Hex Bolt", "Coach Screw", "Wood Screw", "Flat Washer", "Nyloc Nut", "Anchor", "Hinge", "Bracket",
        "Pipe Elbow", "Ball Valve", "Cable Tie", "Extension Lead", "Safety Glasses", "Work Gloves", "Drill Bit", "Sanding Disc",
    ];

    public static readonly string[] ProductGrades = ["Zinc Plated", "Stainless", "Galvanised", "Heavy Duty", "Trade", "Premium", "Black", "Brass"];

    public static readonly string[] ProductSizes = ["M6", "M8", "M10", "M12", "25mm", "50mm", "100mm", "Small", "Medium", "Large"];

    public static readonly (string Text, string Type)[] Notes =
    [
        ("Deliver to rear loading dock.", "Delivery"), ("Customer will collect.", "Delivery"),
        ("Call before delivery.", "Delivery"), ("Price agreed by phone with the branch manager.", "Default"),
        ("Part of a larger project order.", "Default"), ("Check stock at the Melbourne warehouse.", "Internal"),
    ];

    public static readonly string[] Remarks = ["Thank you", "Direct deposit", "BPAY", "Cheque", "Returned goods", "Pricing adjustment"];
}
