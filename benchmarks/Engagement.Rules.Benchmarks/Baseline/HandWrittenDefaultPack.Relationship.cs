using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/relationship.yaml.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Relationship()
        {
            if (_customer.BirthDate is { } birthDate && NextOccurrence(birthDate.MonthDay) == _today)
            {
                Propose("birthday-greeting", TouchKind.Greeting, TouchClass.Relationship, "relationship.birthday", null, "Birthday on " + Format(birthDate.MonthDay), [_customer]);
            }

            foreach (var vehicle in _vehicles)
            {
                if (!Owns(vehicle))
                {
                    continue;
                }

                if (vehicle.PurchaseDate is { } bought && NextOccurrence(new NodaTime.AnnualDate(bought.Month, bought.Day)) == _today)
                {
                    var years = YearsSince(bought);
                    if (years == 1)
                    {
                        Propose("first-year-milestone", TouchKind.Greeting, TouchClass.Relationship, "relationship.first-year", vehicle, "Bought on " + Format(bought) + ": one year today", [_customer, vehicle]);
                    }
                    else if (years >= 2)
                    {
                        Propose("ownership-anniversary", TouchKind.Greeting, TouchClass.Relationship, "relationship.ownership-anniversary", vehicle, "Bought on " + Format(bought), [_customer, vehicle], values: Values("years", Format(years)));
                    }
                }

                if ((vehicle.DoorCount ?? 4) <= 2 || vehicle.BodyType is BodyType.Coupe or BodyType.Convertible)
                {
                    foreach (var change in _householdChanges)
                    {
                        if (change.CustomerId == _customer.CustomerId && change.Kind == LifeEventKind.HouseholdGrew && DaysSince(change.On) is >= 0 and <= 90)
                        {
                            Propose("growing-family-suv", TouchKind.Offer, TouchClass.Marketing, "relationship.larger-suv", vehicle, "The household grew on " + Format(change.On) + " and the " + vehicle.Model + " has two doors", [_customer, change, vehicle]);
                        }
                    }
                }
            }
        }
    }
}
