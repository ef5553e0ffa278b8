using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// Variants of generated customers for the equivalence check, adding what the generator never draws but some
/// rules need: a recall notice already sent, a household that grew and a two-door car last serviced long ago,
/// referrals that bought, a car-care clinic with seats and a charity drive, and reward preferences. Without them
/// eight of the pack's rules would never fire in the check.
/// </summary>
internal static class CheckScenarios
{
    private static readonly Vin CoupeVin = Vin.Parse("1HGCM82640A000001");

    public static IEnumerable<CustomerFacts> From(IReadOnlyList<CustomerFacts> customers)
    {
        for (var i = 0; i < customers.Count; i += 7)
        {
            yield return Variant(customers[i], i);
        }
    }

    private static CustomerFacts Variant(CustomerFacts original, int n)
    {
        var id = original.Customer.CustomerId;
        var customer = original.Customer with
        {
            PreferredRewardCategory = (RewardCategory)(n % 4),
            CharityOfChoice = n % 3 == 0 ? null : "Food Bank",
            IsAmbassador = n % 5 == 0,
        };
        var facts = new List<object>(original.Facts);
        foreach (var fact in original.Facts)
        {
            if (fact is RecallCampaign { Disposition: RecallDisposition.Open } recall)
            {
                facts.Add(new TouchSent
                {
                    TouchId = "T-RECALL-" + recall.CampaignNumber + "-" + recall.Vin.Value,
                    CustomerId = id,
                    Vin = recall.Vin,
                    Kind = TouchKind.Notice,
                    Topic = "safety.open-recall",
                    Class = TouchClass.Safety,
                    Channel = ContactChannel.Email,
                    SentAt = Instant.FromUtc(2026, 9, 1 + (n % 28), 15, 0),
                });
            }
        }

        if (!original.Facts.Any(f => f is Vehicle v && v.Vin == CoupeVin))
        {
            facts.Add(new Vehicle
            {
                Vin = CoupeVin, OwnerCustomerId = id, Make = "Honda", Model = "Prelude", ModelYear = 2022, BodyType = BodyType.Coupe, DoorCount = 2,
                PurchaseDate = new LocalDate(2022, 11, 24 - (n % 20)), DeliveryDate = new LocalDate(2022, 11, 25 - (n % 20)),
            });
            facts.Add(new RepairOrder
            {
                RepairOrderId = "RO-COUPE-" + id, Vin = CoupeVin, CustomerId = id, OpenedOn = new LocalDate(2025, 1, 1).PlusDays(n % 60),
                ClosedOn = new LocalDate(2025, 1, 1).PlusDays(n % 60), Mileage = 20_000, Operations = ["OIL-CHG"],
            });
        }

        facts.Add(new HouseholdChange { CustomerId = id, Kind = LifeEventKind.HouseholdGrew, On = new LocalDate(2026, 10, 1).PlusDays(n % 50) });
        for (var r = 0; r < 3; r++)
        {
            facts.Add(new Referral
            {
                ReferralId = string.Create(CultureInfo.InvariantCulture, $"RF-CHECK-{id}-{r}"), ReferrerCustomerId = id, ReferredName = "Sam Lee",
                Status = ReferralStatus.Purchased, RecordedOn = new LocalDate(2026, 10, 20), PurchasedOn = new LocalDate(2026, 11, 14 + r + (n % 8)),
            });
        }

        var zone = original.Dealership.TimeZoneId;
        facts.Add(Event("EV-CHECK-CLINIC", OwnerEventKind.CarCareClinic, new LocalDateTime(2026, 12, 20, 10, 0), zone, n));
        facts.Add(Event("EV-CHECK-CHARITY", OwnerEventKind.CharityDrive, new LocalDateTime(2027, 1, 2 + (n % 9), 10, 0), zone, n));
        return new CustomerFacts(customer, original.Dealership, facts);
    }

    private static OwnerEvent Event(string id, OwnerEventKind kind, LocalDateTime start, string zone, int n) => new()
    {
        EventId = id, Name = kind.ToString(), Kind = kind, StartsAt = start.InZoneLeniently(DateTimeZoneProviders.Tzdb[zone]).ToInstant(), TimeZoneId = zone,
        Location = "Service drive", RegionCode = "US-TX", Capacity = 30, RegisteredCount = n % 2 == 0 ? 10 : 30,
        Audience = n % 3 == 0 ? EventAudience.Everyone : new EventAudience { Make = "Honda", AmbassadorsFirst = n % 4 == 0 },
    };
}
