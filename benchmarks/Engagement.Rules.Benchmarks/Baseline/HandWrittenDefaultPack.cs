using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <summary>
/// The default rule pack (rules/*.yaml) coded by hand in plain C# over the same facts: for one customer, the same
/// <see cref="TouchProposal"/>s the rules propose (rule id, kind, class, topic, customer, vehicle, channel, due and
/// expiry dates, values, reason and evidence), in no particular order. One partial file per rule file; the
/// rules that react to other rules' output (the signal, the detractor call) run after the ones they react to.
/// It stops where the rules stop: the policies that turn proposals into decisions are internal to
/// Engagement.Rules, so the comparison with the engine is at proposal level (docs/performance.md).
/// </summary>
internal static partial class HandWrittenDefaultPack
{
    private static readonly ReadOnlyDictionary<string, string> NoValues = new(new Dictionary<string, string>());

    public static List<TouchProposal> Propose(CustomerFacts facts, Instant now)
    {
        var pack = new Evaluation(facts, now);
        pack.Relationship();
        pack.Community();
        pack.Service();
        pack.Protection();
        pack.Advocacy();
        pack.Policy();
        return pack.Proposals;
    }

    /// <summary>One customer's evaluation: the facts sorted by type once, "today" in the customer's zone, the proposals.</summary>
    private sealed partial class Evaluation
    {
        private readonly Customer _customer;
        private readonly Dealership _dealership;
        private readonly Instant _now;
        private readonly DateTimeZone _zone;
        private readonly LocalDate _today;
        private readonly List<Vehicle> _vehicles = [];
        private readonly List<RepairOrder> _repairOrders = [];
        private readonly List<Appointment> _appointments = [];
        private readonly List<RecallCampaign> _recalls = [];
        private readonly List<TouchSent> _touchesSent = [];
        private readonly List<RecommendedWork> _recommendedWork = [];
        private readonly List<FactoryWarranty> _warranties = [];
        private readonly List<ExtendedServiceContract> _serviceContracts = [];
        private readonly List<LeaseContract> _leases = [];
        private readonly List<FinanceContract> _loans = [];
        private readonly List<GapCoverage> _gapCoverage = [];
        private readonly List<MaintenancePlan> _maintenancePlans = [];
        private readonly List<Referral> _referrals = [];
        private readonly List<OwnerEvent> _events = [];
        private readonly List<EventRegistration> _registrations = [];
        private readonly List<RegionClimate> _climates = [];
        private readonly List<TemperatureForecast> _forecasts = [];
        private readonly List<HouseholdChange> _householdChanges = [];
        private readonly List<Complaint> _complaints = [];
        private readonly List<SatisfactionScore> _scores = [];

        public Evaluation(CustomerFacts facts, Instant now)
        {
            _customer = facts.Customer;
            _dealership = facts.Dealership;
            _now = now;

            // As the evaluator does: the customer's zone, the dealership's when the customer's is unknown.
            _zone = _customer.TimeZone ?? _dealership.TimeZone;
            _today = now.InZone(_zone).Date;
            foreach (var fact in facts.Facts)
            {
                switch (fact)
                {
                    case Vehicle f: _vehicles.Add(f); break;
                    case RepairOrder f: _repairOrders.Add(f); break;
                    case Appointment f: _appointments.Add(f); break;
                    case RecallCampaign f: _recalls.Add(f); break;
                    case TouchSent f: _touchesSent.Add(f); break;
                    case RecommendedWork f: _recommendedWork.Add(f); break;
                    case FactoryWarranty f: _warranties.Add(f); break;
                    case ExtendedServiceContract f: _serviceContracts.Add(f); break;
                    case LeaseContract f: _leases.Add(f); break;
                    case FinanceContract f: _loans.Add(f); break;
                    case GapCoverage f: _gapCoverage.Add(f); break;
                    case MaintenancePlan f: _maintenancePlans.Add(f); break;
                    case Referral f: _referrals.Add(f); break;
                    case OwnerEvent f: _events.Add(f); break;
                    case EventRegistration f: _registrations.Add(f); break;
                    case RegionClimate f: _climates.Add(f); break;
                    case TemperatureForecast f: _forecasts.Add(f); break;
                    case HouseholdChange f: _householdChanges.Add(f); break;
                    case Complaint f: _complaints.Add(f); break;
                    case SatisfactionScore f: _scores.Add(f); break;
                    default: break; // fact types no rule of the pack reads
                }
            }
        }

        public List<TouchProposal> Proposals { get; } = [];

        // The pack's named condition 'ownsVehicle'.
        private bool Owns(Vehicle vehicle) => vehicle.OwnerCustomerId == _customer.CustomerId && vehicle.IsOwned;

        private int DaysUntil(LocalDate date) => Period.DaysBetween(_today, date);

        private int DaysSince(LocalDate date) => Period.DaysBetween(date, _today);

        private LocalDate DateOf(Instant instant) => instant.InZone(_zone).Date;

        private LocalDate NextOccurrence(AnnualDate date)
        {
            var candidate = date.InYear(_today.Year);
            return candidate >= _today ? candidate : date.InYear(_today.Year + 1);
        }

        private int MonthsSince(LocalDate date)
        {
            var months = ((_today.Year - date.Year) * 12) + (_today.Month - date.Month);
            if (months > 0 && date.PlusMonths(months) > _today)
            {
                months--;
            }
            else if (months < 0 && date.PlusMonths(months) < _today)
            {
                months++;
            }

            return months;
        }

        private int YearsSince(LocalDate date)
        {
            var years = _today.Year - date.Year;
            if (years > 0 && date.PlusYears(years) > _today)
            {
                years--;
            }
            else if (years < 0 && date.PlusYears(years) < _today)
            {
                years++;
            }

            return years;
        }

        // The most recent repair order of the vehicle (the pack's 'max ro.openedOn'), null when it has none.
        private LocalDate? LastVisit(Vehicle vehicle)
        {
            LocalDate? last = null;
            foreach (var order in _repairOrders)
            {
                if (order.Vin == vehicle.Vin && (last is null || order.OpenedOn > last.Value))
                {
                    last = order.OpenedOn;
                }
            }

            return last;
        }

        private bool HasUpcomingAppointment(Vehicle vehicle)
        {
            foreach (var appointment in _appointments)
            {
                if (appointment.Vin == vehicle.Vin && appointment.Status == AppointmentStatus.Booked && appointment.At >= _now)
                {
                    return true;
                }
            }

            return false;
        }

        private void Propose(
            string ruleId,
            TouchKind kind,
            TouchClass touchClass,
            string topic,
            Vehicle? vehicle,
            string reason,
            object[] matched,
            LocalDate? due = null,
            LocalDate? expires = null,
            ContactChannel? channel = null,
            IReadOnlyDictionary<string, string>? values = null,
            IReadOnlyDictionary<string, string>? evidence = null)
        {
            Proposals.Add(new TouchProposal
            {
                RuleId = ruleId,
                Kind = kind,
                Class = touchClass,
                Topic = topic,
                CustomerId = _customer.CustomerId,
                Vin = vehicle?.Vin.Value,
                Channel = channel,
                DueOn = due ?? _today,
                ExpiresOn = expires,
                Personalisation = values ?? NoValues,
                Reason = reason,
                MatchedFacts = matched,
                Evidence = evidence ?? NoValues,
            });
        }

        private static ReadOnlyDictionary<string, string> Values(string name, string value) =>
            new(new Dictionary<string, string>(1, StringComparer.Ordinal) { [name] = value });

        private static ReadOnlyDictionary<string, string> Values(string name1, string value1, string name2, string value2) =>
            new(new Dictionary<string, string>(2, StringComparer.Ordinal) { [name1] = value1, [name2] = value2 });

        private static ReadOnlyDictionary<string, string> Values(string name1, string value1, string name2, string value2, string name3, string value3) =>
            new(new Dictionary<string, string>(3, StringComparer.Ordinal) { [name1] = value1, [name2] = value2, [name3] = value3 });
    }
}
