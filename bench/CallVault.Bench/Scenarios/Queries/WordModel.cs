using System.Text;

namespace CallVault.Bench.Scenarios.Queries;

/// <summary>
/// A small bigram model of call-centre speech, learned from a few dozen sentences, with slots for names,
/// products and places: transcripts read like calls, common words are common and names are rare, so
/// full-text search meets the selectivities a real archive has.
/// </summary>
internal sealed class WordModel
{
    private static readonly string[] Corpus =
    [
        "hello thank you for calling how can i help you today",
        "hi i am calling about my order it has not arrived yet",
        "can i have your account number please",
        "sure let me look that up for you one moment",
        "i see the order was shipped on monday from {place}",
        "my name is {name} and i spoke to someone last week",
        "i would like a refund for the {product} it stopped working",
        "the {product} was damaged when it arrived",
        "i can send a replacement today at no cost",
        "is there anything else i can help you with",
        "no that is all thank you very much",
        "i want to cancel my subscription please",
        "can you tell me why my bill is higher this month",
        "there was a late fee added to your account",
        "i can waive the fee this one time",
        "could you confirm the address on the account",
        "we are moving to {place} next month",
        "i need to update my payment card",
        "the card ending in four two one was declined",
        "please hold while i transfer you to billing",
        "i have been waiting on hold for twenty minutes",
        "i am sorry for the wait how can i help",
        "the technician will arrive between nine and noon",
        "can we schedule the installation for friday",
        "my internet keeps dropping in the evening",
        "let me run a test on your line",
        "i will open a ticket and call you back tomorrow",
        "your ticket number is in the email we sent",
        "i would like to speak to a manager",
        "i understand your frustration let me fix this",
        "the warranty covers the {product} for two years",
        "we can offer you a discount on the next order",
        "that sounds good please go ahead",
        "you should see the credit within five business days",
        "thank you {name} have a great day",
        "goodbye",
    ];

    private static readonly string[] FirstNames =
    [
        "maria", "james", "linda", "robert", "patricia", "michael", "jennifer", "david", "elizabeth", "william", "susan", "richard",
        "jessica", "joseph", "sarah", "thomas", "karen", "charles", "nancy", "christopher", "lisa", "daniel", "betty", "matthew",
        "margaret", "anthony", "sandra", "mark", "ashley", "donald", "kimberly", "steven", "emily", "paul", "donna", "andrew",
        "michelle", "joshua", "carol", "kenneth", "amanda", "kevin", "dorothy", "brian", "melissa", "george", "deborah", "timothy",
        "stephanie", "ronald", "rebecca", "edward", "sharon", "jason", "laura", "jeffrey", "cynthia", "ryan", "kathleen", "jacob",
        "amy", "gary", "angela", "nicholas", "shirley", "eric", "anna", "jonathan", "brenda", "stephen", "pamela", "larry", "emma",
    ];

    private static readonly string[] Surnames =
    [
        "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez",
        "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "perez", "thompson", "white",
        "harris", "sanchez", "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "torres",
        "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts",
        "okafor", "kowalski", "lindqvist", "moreau", "tanaka", "novak", "haddad", "fischer", "rossi", "silva", "kaur", "ivanova",
    ];

    private static readonly string[] Products =
    [
        "router", "thermostat", "blender", "headset", "doorbell camera", "smart speaker", "vacuum", "air purifier", "kettle",
        "printer", "modem", "dishwasher", "treadmill", "espresso machine", "baby monitor", "water filter", "garage opener",
    ];

    private static readonly string[] Places =
    [
        "denver", "austin", "chicago", "portland", "atlanta", "phoenix", "boston", "seattle", "miami", "detroit", "nashville",
        "raleigh", "tucson", "omaha", "fresno", "tulsa", "spokane", "boise", "savannah", "anchorage",
    ];

    private readonly Dictionary<string, string[]> _next;
    private readonly string[] _starts;

    public WordModel()
    {
        var next = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var starts = new List<string>();
        foreach (var sentence in Corpus)
        {
            var words = sentence.Split(' ');
            starts.Add(words[0]);
            for (var i = 0; i < words.Length; i++)
            {
                var following = i + 1 < words.Length ? words[i + 1] : ".";
                if (!next.TryGetValue(words[i], out var list))
                {
                    next[words[i]] = list = [];
                }

                list.Add(following);
            }
        }

        _next = next.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _starts = [.. starts];
    }

    public static IReadOnlyList<string> Names => FirstNames;

    public static IReadOnlyList<string> FamilyNames => Surnames;

    public static IReadOnlyList<string> ProductNames => Products;

    /// <summary>About <paramref name="words"/> words of conversation, the caller named once near the start.</summary>
    public string Transcript(Random random, int words, string caller)
    {
        var text = new StringBuilder(words * 6);
        var count = 0;
        var named = false;
        while (count < words)
        {
            var word = _starts[random.Next(_starts.Length)];
            var sentence = 0;
            while (word != "." && sentence < 24)
            {
                var spoken = word switch
                {
                    "{name}" => Take(ref named, caller, random),
                    "{product}" => Products[random.Next(Products.Length)],
                    "{place}" => Places[random.Next(Places.Length)],
                    _ => word,
                };
                text.Append(spoken).Append(' ');
                count++;
                sentence++;
                var choices = _next[word];
                word = choices[random.Next(choices.Length)];
            }

            text.Length--;
            text.Append(". ");
        }

        return text.ToString(0, text.Length - 1);
    }

    /// <summary>What an extractive summary of such a call reads like.</summary>
    public static string Summary(Random random, string caller, bool refund) =>
        $"{caller} called about the {Products[random.Next(Products.Length)]}. "
        + (refund ? "A refund was issued." : random.Next(3) switch { 0 => "A technician visit was booked.", 1 => "The bill was explained.", _ => "A replacement was sent." });

    /// <summary>A caller's full name, from the caller's pool rank (the same number always gives the same name).</summary>
    public static string CallerName(int rank) =>
        $"{FirstNames[rank % FirstNames.Length]} {Surnames[(rank / FirstNames.Length) % Surnames.Length]}";

    private static string Take(ref bool named, string caller, Random random)
    {
        if (named)
        {
            return FirstNames[random.Next(FirstNames.Length)];
        }

        named = true;
        return caller;
    }
}
