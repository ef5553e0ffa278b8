using System.Collections.Generic;
using System.Text.RegularExpressions;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using NodaTime;

namespace Engagement.Rules.Facts;

/// <summary>A dealership customer, as the DMS or CRM knows them.</summary>
/// <remarks>
/// Identity is <see cref="FactIdentity"/> (<c>("Customer", CustomerId)</c>), so a <c>with</c> copy updates
/// the customer in a session. Record equality is the compiler's: lists compare by reference.
/// </remarks>
public sealed partial record Customer : IFactIdentity
{
    private const string FactType = nameof(Customer);

    // The identity, made when a key is set (a 'with' that changes a key makes it again) rather than a new tuple
    // on every read: the session, CustomerFacts and the explanations each ask for it.
    private readonly object? _identity;
    private DateTimeZone? _timeZone;

    /// <summary>The customer's id in the DMS/CRM.</summary>
    public required string CustomerId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(CustomerId));
            _identity = Identity();
        }
    }

    /// <summary>The first (given) name.</summary>
    public required string FirstName { get; init => field = FactCheck.Required(value, FactType, nameof(FirstName)); }

    /// <summary>The last (family) name.</summary>
    public required string LastName { get; init => field = FactCheck.Required(value, FactType, nameof(LastName)); }

    /// <summary>The birthday, if known; the year may be unknown.</summary>
    public CustomerBirthDate? BirthDate { get; init; }

    /// <summary>
    /// The IANA time zone id, e.g. <c>America/Chicago</c>. An id the TZDB database does not know is kept (see
    /// <see cref="IsTimeZoneKnown"/>) so that policies can treat the customer conservatively; an empty id is an error.
    /// </summary>
    public required string TimeZoneId
    {
        get;
        init
        {
            field = FactCheck.Required(value, FactType, nameof(TimeZoneId));
            _timeZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(value);
        }
    }

    /// <summary>The time zone <see cref="TimeZoneId"/> names, or <see langword="null"/> when the TZDB database does not know it.</summary>
    public DateTimeZone? TimeZone => _timeZone;

    /// <summary>Whether <see cref="TimeZoneId"/> resolved to a time zone.</summary>
    public bool IsTimeZoneKnown => _timeZone is not null;

    /// <summary>The preferred language as a BCP-47 tag, e.g. <c>en-US</c> or <c>fr-CA</c> (checked loosely); null when unknown.</summary>
    public string? Language
    {
        get;
        init
        {
            if (value is not null && !LanguagePattern().IsMatch(value))
            {
                throw FactCheck.Fail(FactType, nameof(Language), value, "the value is not a BCP-47 language tag", "a tag like 'en', 'en-US' or 'fr-CA'");
            }

            field = value;
        }
    }

    /// <summary>The channels the customer prefers, most preferred first, without duplicates.</summary>
    public IReadOnlyList<ContactChannel> PreferredChannels
    {
        get;
        init
        {
            var channels = FactCheck.Copy(value, FactType, nameof(PreferredChannels));
            var seen = new HashSet<ContactChannel>();
            for (var i = 0; i < channels.Count; i++)
            {
                var name = $"{nameof(PreferredChannels)}[{i}]";
                FactCheck.Defined(channels[i], FactType, name);
                if (!seen.Add(channels[i]))
                {
                    throw FactCheck.Fail(FactType, name, channels[i], "the channel is listed twice", "each channel at most once");
                }
            }

            field = channels;
        }
    } = [];

    /// <summary>How the customer can be reached.</summary>
    public ContactPoints ContactPoints { get; init => field = FactCheck.NotNull(value, FactType, nameof(ContactPoints)); } = ContactPoints.None;

    /// <summary>
    /// The consent records, in the order the host gave them. Every grant says its <see cref="ConsentRecord.Basis"/>:
    /// a grant without one is a <see cref="FactValidationException"/> (the safe default is no consent, not express consent).
    /// </summary>
    public IReadOnlyList<ConsentRecord> Consents
    {
        get;
        init
        {
            var consents = FactCheck.Copy(value, FactType, nameof(Consents));
            for (var i = 0; i < consents.Count; i++)
            {
                if (consents[i].MissingBasis(FactType, $"{nameof(Consents)}[{i}]") is { } missing)
                {
                    throw missing;
                }
            }

            field = consents;
        }
    } = [];

    /// <summary>Where the customer lives, for the rules that depend on law; <see langword="null"/> when unknown.</summary>
    public Jurisdiction? Jurisdiction { get; init; }

    /// <summary>The number of people in the household, if known (1 or more).</summary>
    public int? HouseholdSize { get; init => field = FactCheck.AtLeast(value, 1, FactType, nameof(HouseholdSize)); }

    /// <summary>The loyalty-programme standing, if the customer is a member.</summary>
    public Loyalty? Loyalty { get; init; }

    /// <summary>Whether the customer can be contacted at all.</summary>
    public CustomerStatus Status { get; init => field = FactCheck.Defined(value, FactType, nameof(Status)); } = CustomerStatus.Active;

    /// <summary>The kind of reward the customer prefers, if known.</summary>
    public RewardCategory? PreferredRewardCategory { get; init => field = FactCheck.Defined(value, FactType, nameof(PreferredRewardCategory)); }

    /// <summary>Whether the customer is a brand ambassador (invited first, thanked more).</summary>
    public bool IsAmbassador { get; init; }

    /// <summary>The charity the customer chose for altruistic rewards, if any.</summary>
    public string? CharityOfChoice { get; init => field = FactCheck.Optional(value, FactType, nameof(CharityOfChoice)); }

    /// <inheritdoc />
    public object FactIdentity => _identity ?? Identity();

    private object Identity() => (FactType, CustomerId);

    /// <summary>
    /// The consent record that counts for a channel and purpose at an instant, as the consent policy reads it:
    /// the latest by <see cref="ConsentRecord.At"/> at or before <paramref name="asOf"/> (a record dated later is
    /// not yet in force); on a tie a withdrawal wins over a grant, otherwise the first listed;
    /// <see langword="null"/> when there is none. A CASL-style lapse of an implied grant is the policy's, not
    /// this record's, concern.
    /// </summary>
    /// <param name="channel">The channel.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="asOf">The instant (the evaluation instant, for the policy's answer).</param>
    /// <returns>The record that counts, or <see langword="null"/>.</returns>
    public ConsentRecord? LatestConsent(ContactChannel channel, ConsentPurpose purpose, Instant asOf)
    {
        ConsentRecord? latest = null;
        var consents = Consents;
        for (var i = 0; i < consents.Count; i++)
        {
            var consent = consents[i];
            if (consent.Channel == channel && consent.Purpose == purpose && consent.Supersedes(latest, asOf))
            {
                latest = consent;
            }
        }

        return latest;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
