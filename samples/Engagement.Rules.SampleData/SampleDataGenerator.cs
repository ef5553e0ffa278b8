using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Engagement.Rules.Decisions;
using Engagement.Rules.Engine;
using Engagement.Rules.Facts;
using Engagement.Rules.Serialization;
using NodaTime;

namespace Engagement.Rules.SampleData;

/// <summary>
/// Generates the realistic sample data set: a dealer group of six dealerships (US-TX, US-CA, US-NY, CA-ON, CA-QC,
/// CA-BC) and their customers with vehicles, contracts, service history, consents and touches already sent, as of
/// <see cref="ReferenceDate"/>. The output is deterministic byte for byte: a fixed-seed <see cref="Random"/> and
/// no clock.
/// </summary>
public sealed class SampleDataGenerator
{
    /// <summary>"Today" of the data set: every date is placed relative to it.</summary>
    public static readonly LocalDate ReferenceDate = new(2026, 11, 24);

    /// <summary>The seed of the random numbers.</summary>
    public const int Seed = 20261124;

    /// <summary>How many customers the set has.</summary>
    public const int CustomerCount = 400;

    private static readonly string[] FirstNames = ["Dana", "Sam", "Alex", "Maria", "José", "Wei", "Priya", "Liam", "Emma", "Noah", "Olivia", "Lucas", "Chloé", "Mathieu", "Aisha", "Omar", "Hannah", "Ethan", "Sofia", "Mei", "Jacob", "Isabelle", "Raj", "Fatima", "Connor", "Amélie", "Diego", "Grace", "Kenji", "Nora"];
    private static readonly string[] LastNames = ["Reyes", "Smith", "Nguyen", "Garcia", "Tremblay", "Gagnon", "Patel", "Kim", "Brown", "Wilson", "Martin", "Roy", "Chen", "Singh", "Lopez", "Côté", "Johnson", "Lee", "Walker", "Bouchard", "Hernandez", "Taylor", "Wong", "Clark", "Lavoie", "Young", "Ali", "Scott", "Morin", "Davis"];
    private static readonly string[] UnknownZones = ["America/Springfield", "Mars/Olympus_Mons", "Canada/Nowhere"];
    private static readonly (string Wmi, string Make, string Model, BodyType Body, int Doors)[] Models =
    [
        ("1HG", "Honda", "Accord", BodyType.Sedan, 4), ("1HG", "Honda", "Civic", BodyType.Sedan, 4), ("1FT", "Ford", "F-150", BodyType.Truck, 4),
        ("2T1", "Toyota", "Corolla", BodyType.Sedan, 4), ("5YJ", "Tesla", "Model 3", BodyType.Sedan, 4), ("5YJ", "Tesla", "Model Y", BodyType.Suv, 5),
        ("3VW", "Volkswagen", "Jetta", BodyType.Sedan, 4), ("WBA", "BMW", "3 Series", BodyType.Sedan, 4), ("JH4", "Acura", "Integra", BodyType.Hatchback, 5),
    ];

    private static readonly (string Code, string Label)[] Operations = [("OIL-CHG", "Oil and filter change"), ("TIRE-ROT", "Tire rotation"), ("BRAKE-INSP", "Brake inspection"), ("BATT-TEST", "Battery test"), ("ALIGN", "Wheel alignment"), ("CABIN-FLT", "Cabin air filter"), ("MPI", "Multi-point inspection")];
    private static readonly (string Code, string Description)[] Recommendations = [("BRAKE-PADS-F", "Front brake pads at 3 mm"), ("TIRES-4", "Tires at 3/32 in tread"), ("WIPERS", "Wiper blades streaking"), ("COOLANT", "Coolant flush due"), ("BATTERY", "Battery weak on load test")];
    private static readonly string[] Advisors = ["Pat", "Jordan", "Chris", "Morgan", "Taylor"];

    private readonly Random _random = new(Seed);
    private readonly VinFactory _vins;
    private int _touch;
    private int _order;

    /// <summary>Creates a generator; each instance generates the same set.</summary>
    public SampleDataGenerator()
    {
        _vins = new VinFactory(_random);
    }

    /// <summary>The dealerships of the set (the shared settings file).</summary>
    public static IReadOnlyList<Dealership> Dealerships => [.. SampleRegions.All.Select(r => r.Dealership)];

    /// <summary>Writes <c>dealership.json</c> and <c>customers.jsonl</c> into <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "dealership.json"), DealershipsJson());
        File.WriteAllBytes(Path.Combine(directory, "customers.jsonl"), new SampleDataGenerator().CustomersJsonLines());
    }

    /// <summary>The dealership settings file's bytes.</summary>
    public static byte[] DealershipsJson()
    {
        using var stream = new MemoryStream();
        EngagementJson.WriteDealerships(stream, Dealerships);
        return stream.ToArray();
    }

    /// <summary>The customers file's bytes (UTF-8, one customer per line, <c>\n</c> line ends).</summary>
    public byte[] CustomersJsonLines()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        foreach (var customer in Generate())
        {
            EngagementJson.WriteCustomerFactsLine(writer, customer);
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(writer.ToString());
    }

    /// <summary>Generates the customers and their facts.</summary>
    public IEnumerable<CustomerFacts> Generate() => Generate(CustomerCount);

    /// <summary>
    /// Generates <paramref name="count"/> customers (e.g. many more for a benchmark); the first
    /// <see cref="CustomerCount"/> are exactly those of <see cref="Generate()"/>, since they draw the same numbers.
    /// </summary>
    /// <param name="count">How many customers to generate (ids C-0001, C-0002, ...).</param>
    /// <returns>The customers, generated as they are enumerated.</returns>
    public IEnumerable<CustomerFacts> Generate(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            yield return Customer(i, SampleRegions.All[_random.Next(SampleRegions.All.Count)]);
        }
    }

    private CustomerFacts Customer(int number, SampleRegions.Region region)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"C-{number:D4}");
        var dealership = region.Dealership;
        var isCanada = dealership.Jurisdiction.CountryCode == "CA";
        var (regionCode, zone) = Chance(0.1) ? Pick(region.Neighbours) : (dealership.Jurisdiction.Code, dealership.TimeZoneId);
        if (number % 97 == 13)
        {
            zone = UnknownZones[number % UnknownZones.Length]; // a few zone ids the TZDB does not know
        }

        var first = Pick(FirstNames);
        var last = Pick(LastNames);
        var (city, postal) = Pick(region.Cities);
        var customerSince = ReferenceDate.PlusDays(-_random.Next(120, 3650));
        var facts = new List<IFactIdentity>();
        var vehicles = Vehicles(id, isCanada, facts);
        var purchase = vehicles.Select(v => v.PurchaseDate!.Value).Min();
        var customer = new Customer
        {
            CustomerId = id,
            FirstName = first,
            LastName = last,
            BirthDate = BirthDate(number),
            TimeZoneId = zone,
            Language = Chance(0.15) && region.Language == "en-US" ? "es-US" : region.Language,
            PreferredChannels = Channels(),
            ContactPoints = new ContactPoints
            {
                Email = Chance(0.92) ? $"{Ascii(first)}.{Ascii(last)}{number}@example.com".ToLowerInvariant() : null,
                Phone = Chance(0.85) ? string.Create(CultureInfo.InvariantCulture, $"+1{Pick(region.AreaCodes)}555{_random.Next(10000):D4}") : null,
                PostalAddress = Chance(0.8)
                    ? new PostalAddress { Line1 = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(1, 9999)} {Pick(["Main St", "Oak Ave", "Maple Rd", "King St", "Rue Principale", "Lakeshore Dr"])}"), City = city, PostalCode = postal + (isCanada ? string.Create(CultureInfo.InvariantCulture, $" {_random.Next(1, 9)}A{_random.Next(1, 9)}") : string.Create(CultureInfo.InvariantCulture, $"{_random.Next(10, 99)}")), RegionCode = regionCode }
                    : null,
            },
            Consents = Consents(isCanada, purchase),
            Jurisdiction = number % 53 == 7 ? null : Parse(regionCode),
            HouseholdSize = Chance(0.7) ? _random.Next(1, 6) : null,
            Loyalty = Chance(0.6) ? new Loyalty(Pick(["Bronze", "Silver", "Gold", "Platinum"]), _random.Next(0, 5000)) : null,
            Status = number % 71 == 5 ? CustomerStatus.Deceased : number % 43 == 11 ? CustomerStatus.MovedAway : CustomerStatus.Active,
            PreferredRewardCategory = Chance(0.5) ? (RewardCategory)_random.Next(4) : null,
            IsAmbassador = Chance(0.06),
            CharityOfChoice = Chance(0.1) ? Pick(["Food Bank", "Children's Hospital", "Animal Shelter", "Habitat for Humanity"]) : null,
        };

        Service(customer, vehicles, facts);
        Advocacy(customer, region, facts, customerSince);
        Environment(customer, region, regionCode, facts);
        Touches(customer, vehicles, facts);

        // Beyond the first CustomerCount customers two draws can rarely give one fact identity (e.g. two
        // satisfaction scores on the same day from two visits): keep the first. It draws no number, so the
        // sample's own customers, which have no such pair, are unchanged.
        var seen = new HashSet<object>();
        facts.RemoveAll(f => !seen.Add(f.FactIdentity));
        return new CustomerFacts(customer, dealership, facts);
    }

    private List<Vehicle> Vehicles(string customerId, bool isCanada, List<IFactIdentity> facts)
    {
        var vehicles = new List<Vehicle>();
        var count = Chance(0.7) ? 1 : Chance(0.7) ? 2 : 3;
        for (var v = 0; v < count; v++)
        {
            var model = Pick(Models);
            LocalDate purchase;
            var warrantyEndingSoon = Chance(0.12);
            if (warrantyEndingSoon)
            {
                // Factory warranty (3 years) ends 30-90 days after the reference date.
                purchase = ReferenceDate.PlusYears(-3).PlusDays(_random.Next(30, 91));
            }
            else
            {
                purchase = ReferenceDate.PlusDays(-_random.Next(20, 3000));
            }

            var condition = Chance(0.3) ? VehicleCondition.Used : VehicleCondition.New;
            var modelYear = condition == VehicleCondition.New ? purchase.Year + (purchase.Month >= 9 ? 1 : 0) : purchase.Year - _random.Next(1, 6);
            var ownership = Chance(0.25) ? OwnershipType.Lease : Chance(0.55) ? OwnershipType.Finance : OwnershipType.Cash;
            var vin = Vin.Parse(_vins.Next(model.Wmi, modelYear));
            var delivery = purchase.PlusDays(_random.Next(0, 4));
            var unit = isCanada ? DistanceUnit.Kilometres : DistanceUnit.Miles;
            var perDay = (isCanada ? 45 : 30) + _random.Next(-12, 25);
            var start = condition == VehicleCondition.New ? _random.Next(5, 40) : _random.Next(15000, 90000);
            var readings = new List<OdometerReading> { new(delivery, start) };
            var day = delivery;
            while (true)
            {
                day = day.PlusDays(_random.Next(150, 420));
                if (day >= ReferenceDate)
                {
                    break;
                }

                readings.Add(new OdometerReading(day, start + (Period.Between(delivery, day, PeriodUnits.Days).Days * perDay)));
            }

            var vehicle = new Vehicle
            {
                Vin = vin,
                OwnerCustomerId = customerId,
                Make = model.Make,
                Model = model.Model,
                ModelYear = modelYear,
                BodyType = model.Body,
                DoorCount = model.Doors,
                PurchaseDate = purchase,
                DeliveryDate = delivery,
                Condition = condition,
                Ownership = ownership,
                IsOwned = !Chance(0.05),
                OdometerReadings = readings,
                Unit = unit,
            };
            vehicles.Add(vehicle);
            facts.Add(vehicle);
            Contracts(customerId, vehicle, isCanada, facts);
        }

        return vehicles;
    }

    private void Contracts(string customerId, Vehicle vehicle, bool isCanada, List<IFactIdentity> facts)
    {
        var delivery = vehicle.DeliveryDate!.Value;
        if (vehicle.Condition == VehicleCondition.New)
        {
            facts.Add(new FactoryWarranty { Vin = vehicle.Vin, EndDate = delivery.PlusYears(3), MileageLimit = isCanada ? 60000 : 36000 });
        }

        if (Chance(0.2))
        {
            facts.Add(new ExtendedServiceContract { ContractId = "ESC-" + vehicle.Vin.Value[^6..], Vin = vehicle.Vin, EndDate = delivery.PlusYears(_random.Next(5, 8)), MileageLimit = isCanada ? 160000 : 100000 });
        }

        LocalDate? end = null;
        if (vehicle.Ownership == OwnershipType.Lease)
        {
            // Leases run 36 months; a share of them mature within the next four months.
            var leaseEnd = Chance(0.3) ? ReferenceDate.PlusDays(_random.Next(15, 120)) : delivery.PlusMonths(36);
            end = leaseEnd;
            facts.Add(new LeaseContract { Vin = vehicle.Vin, CustomerId = customerId, EndDate = leaseEnd, MileageAllowance = isCanada ? 60000 : 36000 });
        }
        else if (vehicle.Ownership == OwnershipType.Finance)
        {
            var maturity = Chance(0.15) ? ReferenceDate.PlusDays(_random.Next(10, 90)) : delivery.PlusMonths(Pick([48, 60, 72]));
            end = maturity;
            facts.Add(new FinanceContract { Vin = vehicle.Vin, CustomerId = customerId, MaturityDate = maturity, Apr = Math.Round(1.9m + (decimal)_random.Next(0, 71) / 10m, 1), Balance = maturity < ReferenceDate ? 0m : _random.Next(500, 45000) });
        }

        if (end is { } coverageEnd && Chance(0.4))
        {
            facts.Add(new GapCoverage { Vin = vehicle.Vin, EndDate = coverageEnd });
        }

        if (Chance(0.15))
        {
            facts.Add(new MaintenancePlan { Vin = vehicle.Vin, EndDate = delivery.PlusYears(2), VisitsRemaining = _random.Next(0, 4) });
        }
    }

    private void Service(Customer customer, List<Vehicle> vehicles, List<IFactIdentity> facts)
    {
        foreach (var vehicle in vehicles)
        {
            var readings = vehicle.OdometerReadings;
            for (var r = 1; r < readings.Count; r++)
            {
                // A repair order at each odometer reading after delivery; the latest may still be open.
                var reading = readings[r];
                var isOpen = r == readings.Count - 1 && reading.Date >= ReferenceDate.PlusDays(-6) || (r == readings.Count - 1 && Chance(0.04));
                var opened = isOpen && reading.Date < ReferenceDate.PlusDays(-6) ? ReferenceDate.PlusDays(-_random.Next(0, 5)) : reading.Date;
                opened = opened < reading.Date ? reading.Date : opened;
                var operations = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(Operations).Code).Distinct().ToArray();
                var orderId = string.Create(CultureInfo.InvariantCulture, $"RO-{++_order:D6}");
                facts.Add(new RepairOrder
                {
                    RepairOrderId = orderId,
                    Vin = vehicle.Vin,
                    CustomerId = customer.CustomerId,
                    OpenedOn = opened,
                    ClosedOn = isOpen ? null : opened.PlusDays(_random.Next(0, 3) == 0 ? 1 : 0),
                    Mileage = reading.Value,
                    Operations = operations,
                    Advisor = Pick(Advisors),
                    Total = Math.Round(49.95m + (_random.Next(0, 120000) / 100m), 2),
                    CustomerConcern = Chance(0.2) ? Pick(["Squeak when braking", "Check-engine light", "Pulls to the right", "Rattle over bumps"]) : null,
                });
                if (Chance(0.25))
                {
                    var (code, description) = Pick(Recommendations);
                    var status = Chance(0.5) ? RecommendationStatus.Declined : Chance(0.5) ? RecommendationStatus.Recommended : RecommendationStatus.Completed;
                    facts.Add(new RecommendedWork
                    {
                        Id = "RW-" + orderId[3..],
                        Vin = vehicle.Vin,
                        CustomerId = customer.CustomerId,
                        Operation = code,
                        Description = description,
                        DueDate = opened.PlusDays(_random.Next(14, 180)),
                        DueMileage = reading.Value + _random.Next(1000, 6000),
                        Status = status,
                        DeclinedOn = status == RecommendationStatus.Declined ? opened : null,
                    });
                }

                if (!isOpen && Chance(0.35))
                {
                    facts.Add(new SatisfactionScore { CustomerId = customer.CustomerId, Source = Pick(["nps", "csi"]), Score = Math.Min(10, _random.Next(3, 12)), On = opened.PlusDays(2) });
                }
            }

            if (Chance(0.12))
            {
                facts.Add(new Appointment { Id = "AP-" + vehicle.Vin.Value[^6..], Vin = vehicle.Vin, CustomerId = customer.CustomerId, At = At(ReferenceDate.PlusDays(_random.Next(-20, 15)), _random.Next(13, 22)), Status = (AppointmentStatus)_random.Next(4) });
            }

            if (Chance(0.1))
            {
                facts.Add(new RecallCampaign
                {
                    CampaignNumber = string.Create(CultureInfo.InvariantCulture, $"{_random.Next(23, 27)}V-{_random.Next(100, 900)}"),
                    Vin = vehicle.Vin,
                    Description = Pick(["Airbag inflator may rupture", "Rear-view camera image may not display", "Fuel pump may fail", "Seat-belt pretensioner"]),
                    Disposition = Chance(0.7) ? RecallDisposition.Open : RecallDisposition.Remedied,
                    IssuedOn = ReferenceDate.PlusDays(-_random.Next(10, 700)),
                });
            }
        }

        if (Chance(0.06))
        {
            var opened = ReferenceDate.PlusDays(-_random.Next(1, 200));
            facts.Add(new Complaint
            {
                Id = "CP-" + customer.CustomerId[2..],
                CustomerId = customer.CustomerId,
                OpenedOn = opened,
                ResolvedOn = Chance(0.5) ? opened.PlusDays(_random.Next(1, 20)) is var resolved && resolved <= ReferenceDate ? resolved : null : null,
                Vin = vehicles[0].Vin,
                Summary = Pick(["Loaner not available", "Repair took two visits", "Billing error", "Rude phone call"]),
            });
        }
    }

    private void Advocacy(Customer customer, SampleRegions.Region region, List<IFactIdentity> facts, LocalDate customerSince)
    {
        if (Chance(0.08))
        {
            var recorded = ReferenceDate.PlusDays(-_random.Next(5, 300));
            var purchased = Chance(0.4);
            var referred = string.Create(CultureInfo.InvariantCulture, $"C-{_random.Next(1, CustomerCount + 1):D4}");
            facts.Add(new Referral
            {
                ReferralId = "RF-" + customer.CustomerId[2..],
                ReferrerCustomerId = customer.CustomerId,
                ReferredName = $"{Pick(FirstNames)} {Pick(LastNames)}",
                ReferredCustomerId = purchased && referred != customer.CustomerId ? referred : null,
                Status = purchased ? ReferralStatus.Purchased : Chance(0.5) ? ReferralStatus.Recorded : ReferralStatus.Contacted,
                RecordedOn = recorded,
                PurchasedOn = purchased ? recorded.PlusDays(_random.Next(3, 40)) is var on && on <= ReferenceDate ? on : ReferenceDate : null,
            });
        }

        // The dealership's owner events are shared facts: every customer of the dealership sees them.
        var code = region.Dealership.Jurisdiction.Code;
        var zone = region.Dealership.TimeZone;
        OwnerEvent[] events =
        [
            new()
            {
                EventId = "EV-" + code + "-CLINIC", Name = "Winter car-care clinic", Kind = OwnerEventKind.CarCareClinic,
                StartsAt = new LocalDateTime(2026, 12, 5, 10, 0).InZoneLeniently(zone).ToInstant(), TimeZoneId = region.Dealership.TimeZoneId,
                Location = "Service drive", RegionCode = code, Capacity = 40, RegisteredCount = 40 + (code.Length % 3),
            },
            new()
            {
                EventId = "EV-" + code + "-LAUNCH", Name = "Model launch evening", Kind = OwnerEventKind.ModelLaunch,
                StartsAt = new LocalDateTime(2026, 12, 10, 18, 30).InZoneLeniently(zone).ToInstant(), TimeZoneId = region.Dealership.TimeZoneId,
                Location = "Showroom", RegionCode = code, Capacity = 120, RegisteredCount = 37,
                Audience = new EventAudience { RegionCode = code, AmbassadorsFirst = true },
            },
        ];
        facts.AddRange(events);
        if (customerSince < ReferenceDate && Chance(0.1))
        {
            facts.Add(new EventRegistration { EventId = Pick(events).EventId, CustomerId = customer.CustomerId });
        }
    }

    private void Environment(Customer customer, SampleRegions.Region region, string regionCode, List<IFactIdentity> facts)
    {
        var warm = regionCode is "US-TX" or "US-CA" or "US-AZ" or "US-NV" or "US-NM";
        facts.Add(new RegionClimate { RegionCode = regionCode, IsWarm = warm });
        for (var d = 0; d < region.ForecastLows.Count; d++)
        {
            facts.Add(new TemperatureForecast { RegionCode = regionCode, Date = ReferenceDate.PlusDays(d + 1), LowCelsius = region.ForecastLows[d] });
        }

        if (Chance(0.05))
        {
            facts.Add(new HouseholdChange { CustomerId = customer.CustomerId, On = ReferenceDate.PlusDays(-_random.Next(5, 200)), Kind = (LifeEventKind)_random.Next(5) });
        }
    }

    private void Touches(Customer customer, List<Vehicle> vehicles, List<IFactIdentity> facts)
    {
        var count = _random.Next(0, 6);
        for (var t = 0; t < count; t++)
        {
            var recentMarketing = t == 0 && Chance(0.3);
            var touchClass = recentMarketing ? TouchClass.Marketing : (TouchClass)_random.Next(1, 4);
            var kind = touchClass == TouchClass.Marketing ? TouchKind.Offer : touchClass == TouchClass.Service ? TouchKind.Reminder : Pick([TouchKind.ThankYou, TouchKind.Greeting, TouchKind.FollowUp]);
            var daysAgo = recentMarketing ? _random.Next(0, 7) : _random.Next(7, 400);
            facts.Add(new TouchSent
            {
                TouchId = string.Create(CultureInfo.InvariantCulture, $"T-{++_touch:D6}"),
                CustomerId = customer.CustomerId,
                Vin = touchClass == TouchClass.Service ? Pick(vehicles).Vin : null,
                Kind = kind,
                Topic = touchClass switch
                {
                    TouchClass.Marketing => Pick(["offer.winter-tires", "offer.trade-in", "offer.accessories"]),
                    TouchClass.Service => Pick(["service.oil-change-due", "service.declined-work", "service.recall"]),
                    _ => Pick(["relationship.birthday", "relationship.anniversary", "relationship.thank-you"]),
                },
                Class = touchClass,
                Channel = customer.PreferredChannels.Count > 0 ? Pick(customer.PreferredChannels) : ContactChannel.Email,
                SentAt = At(ReferenceDate.PlusDays(-daysAgo), _random.Next(14, 23)),
                Engaged = Chance(0.3),
            });
        }
    }

    private CustomerBirthDate? BirthDate(int number)
    {
        if (number % 61 == 3)
        {
            // February 29: with a leap year, or with the year unknown.
            return new CustomerBirthDate(new AnnualDate(2, 29), number % 2 == 0 ? Pick([1984, 1988, 1992, 1996, 2000]) : null);
        }

        if (Chance(0.15))
        {
            return null;
        }

        var date = new LocalDate(1950, 1, 1).PlusDays(_random.Next(0, 365 * 55));
        return Chance(0.2) ? new CustomerBirthDate(new AnnualDate(date.Month, date.Day)) : CustomerBirthDate.FromDate(date);
    }

    private ContactChannel[] Channels()
    {
        ContactChannel[] all = [ContactChannel.Email, ContactChannel.Sms, ContactChannel.Phone, ContactChannel.Mail];
        return [.. all.OrderBy(_ => _random.Next()).Take(_random.Next(0, 4))];
    }

    private ConsentRecord[] Consents(bool isCanada, LocalDate purchase)
    {
        var consents = new List<ConsentRecord>();
        foreach (var channel in new[] { ContactChannel.Email, ContactChannel.Sms, ContactChannel.Phone })
        {
            foreach (var purpose in new[] { ConsentPurpose.Service, ConsentPurpose.Marketing })
            {
                if (!Chance(purpose == ConsentPurpose.Service ? 0.85 : 0.6))
                {
                    continue;
                }

                // In Canada, consent implied by a purchase lapses after two years (CASL): some here are older.
                var implied = isCanada && purpose == ConsentPurpose.Marketing && Chance(0.4);
                var granted = implied ? At(purchase, 17) : At(ReferenceDate.PlusDays(-_random.Next(30, 1500)), _random.Next(13, 23));
                consents.Add(new ConsentRecord { Channel = channel, Purpose = purpose, Status = ConsentStatus.Granted, At = granted, Basis = implied ? ConsentBasis.ImpliedByPurchase : ConsentBasis.Express });
                if (Chance(0.1))
                {
                    consents.Add(new ConsentRecord { Channel = channel, Purpose = purpose, Status = ConsentStatus.Withdrawn, At = granted + Duration.FromDays(_random.Next(1, 20)) });
                }
            }
        }

        return [.. consents];
    }

    private static Instant At(LocalDate date, int utcHour) => date.AtMidnight().PlusHours(utcHour).InUtc().ToInstant();

    private static Jurisdiction Parse(string code) => code.Split('-') is [var country, var region] ? new Jurisdiction(country, region) : new Jurisdiction(code);

    // The ASCII letters as they are (Chloé -> chlo): what Normalize(FormD) gave under invariant globalization, where
    // the data set was generated; with ICU it would decompose the accents instead (chloe), so the bytes would
    // depend on the host. No normalisation keeps samples/data identical everywhere.
    private static string Ascii(string name) => new([.. name.Where(char.IsAsciiLetter)]);

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
