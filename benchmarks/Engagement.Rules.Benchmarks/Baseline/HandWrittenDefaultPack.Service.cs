using Engagement.Rules.Decisions;
using Engagement.Rules.Facts;
using static Engagement.Rules.Benchmarks.Baseline.BaselineText;

namespace Engagement.Rules.Benchmarks.Baseline;

/// <content>rules/service.yaml: reminders and follow-ups.</content>
internal static partial class HandWrittenDefaultPack
{
    private sealed partial class Evaluation
    {
        public void Service()
        {
            var seasonalWeek = _today.Month is 4 or 10 && _today.Day <= 7;
            var (coldest, winterTires) = WinterTireForecast();
            foreach (var vehicle in _vehicles)
            {
                if (!Owns(vehicle))
                {
                    continue;
                }

                var lastVisit = LastVisit(vehicle);
                var booked = HasUpcomingAppointment(vehicle);
                if (lastVisit is { } last)
                {
                    var months = MonthsSince(last);
                    if (months is >= 6 and <= 8 && !booked)
                    {
                        Propose("service-due-by-time", TouchKind.Reminder, TouchClass.Service, "service.maintenance-due", vehicle, "The last service visit was on " + Format(last) + ", six months or more ago", [_customer, vehicle], evidence: Values("lastVisit", Format(last)));
                    }

                    if (months < 6 && !booked)
                    {
                        DueByMileage(vehicle, last);
                    }

                    if (months is >= 9 and <= 17)
                    {
                        Propose("win-back-lapsed", TouchKind.Offer, TouchClass.Marketing, "service.win-back", vehicle, "No visit since " + Format(last), [_customer, vehicle], values: Values("monthsAway", Format(months)), evidence: Values("lastVisit", Format(last)));
                    }
                    else if (months is >= 18 and <= 36)
                    {
                        Propose("win-back-long-lapsed", TouchKind.Offer, TouchClass.Marketing, "service.win-back-long", vehicle, "No visit since " + Format(last), [_customer, vehicle], values: Values("monthsAway", Format(months)), evidence: Values("lastVisit", Format(last)));
                    }
                }
                else if (vehicle.DeliveryDate is { } delivered && DaysSince(delivered) is >= 7 and <= 21)
                {
                    Propose("first-service-welcome", TouchKind.Greeting, TouchClass.Service, "service.first-service-welcome", vehicle, "The car was delivered on " + Format(delivered) + " and has not been serviced yet", [_customer, vehicle], due: delivered.PlusDays(7));
                }

                if (seasonalWeek && !VisitedWithin60Days(vehicle))
                {
                    Propose("seasonal-safety-check", TouchKind.Reminder, TouchClass.Service, "service.seasonal-safety-check", vehicle, "Seasonal safety check for " + Season(), [_customer, vehicle]);
                }

                if (winterTires)
                {
                    var region = _customer.Jurisdiction?.Code ?? string.Empty;
                    Propose("winter-tire-reminder", TouchKind.Reminder, TouchClass.Service, "service.winter-tires", vehicle, "The forecast low in " + region + " is " + Format(coldest) + " °C within a week", [_customer, vehicle], values: Values("lowCelsius", Format(coldest)), evidence: Values("coldest", Format(coldest)));
                }

                Recalls(vehicle, booked);
                VisitFollowUps(vehicle);
                RecommendedWork(vehicle);
            }
        }

        private void DueByMileage(Vehicle vehicle, NodaTime.LocalDate last)
        {
            if (vehicle.AverageDailyDistance is not { } perDay || vehicle.LatestOdometer is not { } odometer)
            {
                return;
            }

            var projected = odometer.Value + (perDay * DaysSince(odometer.Date));
            var lastServiceMileage = int.MinValue;
            foreach (var order in _repairOrders)
            {
                if (order.Vin == vehicle.Vin && order.Mileage > lastServiceMileage)
                {
                    lastServiceMileage = order.Mileage;
                }
            }

            if ((vehicle.Unit == DistanceUnit.Miles && projected >= lastServiceMileage + 5000)
                || (vehicle.Unit == DistanceUnit.Kilometres && projected >= lastServiceMileage + 8000))
            {
                Propose(
                    "service-due-by-mileage",
                    TouchKind.Reminder,
                    TouchClass.Service,
                    "service.maintenance-due-mileage",
                    vehicle,
                    "About " + Format(projected) + " on the odometer, 5,000 miles (8,000 km) or more since the last service at " + Format(lastServiceMileage),
                    [_customer, vehicle],
                    evidence: Values("lastVisit", Format(last), "projected", Format(projected), "lastServiceMileage", Format(lastServiceMileage)));
            }
        }

        // The lowest forecast of the next seven days in the customer's region, unless the region is marked warm.
        private (decimal Coldest, bool Remind) WinterTireForecast()
        {
            if (_customer.Jurisdiction is not { } jurisdiction)
            {
                return (0, false);
            }

            var region = jurisdiction.Code;
            foreach (var climate in _climates)
            {
                if (climate.IsWarm && climate.RegionCode == region)
                {
                    return (0, false);
                }
            }

            decimal? coldest = null;
            foreach (var forecast in _forecasts)
            {
                if (forecast.RegionCode == region && DaysUntil(forecast.Date) is >= 0 and <= 7 && (coldest is null || forecast.LowCelsius < coldest.Value))
                {
                    coldest = forecast.LowCelsius;
                }
            }

            return coldest is { } low && low <= 3 ? (low, true) : (0, false);
        }

        private bool VisitedWithin60Days(Vehicle vehicle)
        {
            foreach (var order in _repairOrders)
            {
                if (order.Vin == vehicle.Vin && DaysSince(order.OpenedOn) < 60)
                {
                    return true;
                }
            }

            return false;
        }

        private string Season() => _today.Month switch
        {
            12 or 1 or 2 => "Winter",
            3 or 4 or 5 => "Spring",
            6 or 7 or 8 => "Summer",
            _ => "Autumn",
        };

        private void Recalls(Vehicle vehicle, bool booked)
        {
            foreach (var recall in _recalls)
            {
                if (recall.Vin != vehicle.Vin || recall.Disposition != RecallDisposition.Open)
                {
                    continue;
                }

                Propose("open-recall-notice", TouchKind.Notice, TouchClass.Safety, "safety.open-recall", vehicle, "Recall " + recall.CampaignNumber + " (" + recall.Description + ") is open on this vehicle", [_customer, vehicle, recall], values: Values("campaign", recall.CampaignNumber, "description", recall.Description));
                if (!booked && RecallNoticeSent30DaysAgo(vehicle))
                {
                    Propose("open-recall-phone-follow-up", TouchKind.Notice, TouchClass.Safety, "safety.open-recall-call", vehicle, "Recall " + recall.CampaignNumber + " is still open 30 days after the notice", [_customer, vehicle, recall], channel: ContactChannel.Phone);
                }
            }
        }

        private bool RecallNoticeSent30DaysAgo(Vehicle vehicle)
        {
            foreach (var sent in _touchesSent)
            {
                if (sent.Topic == "safety.open-recall" && sent.Vin is { } vin && vin == vehicle.Vin && DaysSince(DateOf(sent.SentAt)) >= 30)
                {
                    return true;
                }
            }

            return false;
        }

        private void VisitFollowUps(Vehicle vehicle)
        {
            foreach (var visit in _repairOrders)
            {
                if (visit.Vin != vehicle.Vin || visit.ClosedOn is not { } closed || DaysSince(closed) is < 3 or > 6)
                {
                    continue;
                }

                if (visit.CustomerConcern is { } concern)
                {
                    Propose("concern-follow-up", TouchKind.FollowUp, TouchClass.Service, "service.concern-follow-up", vehicle, "At the visit on " + Format(visit.OpenedOn) + " the customer said: " + concern, [_customer, vehicle, visit], due: closed.PlusDays(3), expires: closed.PlusDays(7), values: Values("concern", concern, "advisor", visit.Advisor ?? string.Empty));
                }
                else
                {
                    Propose("post-service-follow-up", TouchKind.FollowUp, TouchClass.Service, "service.post-visit", vehicle, "Repair order " + visit.RepairOrderId + " was closed on " + Format(closed), [_customer, vehicle, visit], due: closed.PlusDays(3), expires: closed.PlusDays(7), values: Values("repairOrder", visit.RepairOrderId));
                }
            }
        }

        private void RecommendedWork(Vehicle vehicle)
        {
            foreach (var work in _recommendedWork)
            {
                if (work.Vin != vehicle.Vin || work.DueDate is not { } due)
                {
                    continue;
                }

                if (work.Status == RecommendationStatus.Recommended && DaysUntil(due) is >= 0 and <= 14)
                {
                    Propose("recommended-work-due", TouchKind.Reminder, TouchClass.Service, "service.recommended-work", vehicle, work.Description + " is due on " + Format(due), [_customer, vehicle, work], due: due.PlusDays(-14), expires: due, values: Values("operation", work.Operation, "description", work.Description));
                }
                else if (work.Status == RecommendationStatus.Declined && DaysSince(due) is >= 1 and <= 60)
                {
                    Propose("declined-work-overdue", TouchKind.Reminder, TouchClass.Service, "service.declined-work", vehicle, work.Description + " was declined and was due on " + Format(due), [_customer, vehicle, work], due: due.PlusDays(1), values: Values("operation", work.Operation, "description", work.Description));
                }
            }
        }
    }
}
