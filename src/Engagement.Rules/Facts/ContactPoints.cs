using System.Text.RegularExpressions;

namespace Engagement.Rules.Facts;

/// <summary>How a customer can be reached; each point is optional.</summary>
public sealed partial record ContactPoints
{
    private const string FactType = nameof(ContactPoints);

    /// <summary>No contact points.</summary>
    public static ContactPoints None { get; } = new();

    /// <summary>The e-mail address (checked loosely: one '@', text on both sides, a dot in the domain, no spaces).</summary>
    public string? Email
    {
        get;
        init
        {
            if (value is not null && !EmailPattern().IsMatch(value))
            {
                throw FactCheck.Fail(FactType, nameof(Email), value, "the value is not an e-mail address", "an address like 'name@example.com'");
            }

            field = value;
        }
    }

    /// <summary>The phone number in E.164 form: '+', a country code and the number, at most 15 digits in all.</summary>
    public string? Phone
    {
        get;
        init
        {
            if (value is not null && !E164Pattern().IsMatch(value))
            {
                throw FactCheck.Fail(FactType, nameof(Phone), value, "the value is not an E.164 phone number", "'+' then 2 to 15 digits without spaces, e.g. '+15125550100'");
            }

            field = value;
        }
    }

    /// <summary>The postal address, if known.</summary>
    public PostalAddress? PostalAddress { get; init; }

    /// <summary>Whether there is an e-mail address.</summary>
    public bool HasEmail => Email is not null;

    /// <summary>Whether there is a phone number.</summary>
    public bool HasPhone => Phone is not null;

    /// <summary>Whether there is a postal address.</summary>
    public bool HasPostalAddress => PostalAddress is not null;

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164Pattern();
}
