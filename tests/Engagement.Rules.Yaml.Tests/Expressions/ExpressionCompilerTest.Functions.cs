using NodaTime;

namespace Engagement.Rules.Yaml.Tests.Expressions;

public sealed partial class ExpressionCompilerTest
{
    [Test]
    public void Evaluate_TodayAndNow_ComeFromTheContext()
    {
        _fixture.Evaluate("today()").Should().Be(_fixture.Today);
        var now = (Instant)_fixture.Evaluate("now()")!;
        now.InZone(_fixture.Zone).Date.Should().Be(_fixture.Today);
    }

    [TestCase("daysUntil(2026-03-20)", 5)]
    [TestCase("daysUntil(2026-03-15)", 0)]
    [TestCase("daysUntil(2026-03-10)", -5)]
    [TestCase("daysSince(2026-03-10)", 5)]
    [TestCase("daysSince(2026-03-20)", -5)]
    [TestCase("daysBetween(2026-02-28, 2026-03-01)", 1)]
    [TestCase("daysBetween(2024-02-28, 2024-03-01)", 2)]
    [TestCase("daysBetween(2026-03-01, 2026-02-28)", -1)]
    public void Evaluate_DayCounts_AreSigned(string text, int expected) =>
        _fixture.Evaluate(text).Should().Be(expected);

    [TestCase("2026-01-31", "2026-02-28", 1)]
    [TestCase("2026-01-31", "2026-02-27", 0)]
    [TestCase("2025-03-15", "2026-03-15", 12)]
    [TestCase("2025-03-16", "2026-03-15", 11)]
    [TestCase("2026-05-15", "2026-03-15", -2)]
    public void Evaluate_MonthsSince_CountsCompletedMonths(string date, string today, int expected)
    {
        _fixture.Today = Parse(today);
        _fixture.Evaluate($"monthsSince({date})").Should().Be(expected);
    }

    [TestCase("1980-06-01", "2026-05-31", 45)]
    [TestCase("1980-06-01", "2026-06-01", 46)]
    [TestCase("2024-02-29", "2025-02-27", 0)]
    [TestCase("2024-02-29", "2025-02-28", 1)]
    [TestCase("2024-02-29", "2028-02-28", 3)]
    [TestCase("2024-02-29", "2028-02-29", 4)]
    public void Evaluate_YearCounts_AreCompletedYears(string date, string today, int expected)
    {
        _fixture.Today = Parse(today);
        _fixture.Evaluate($"yearsSince({date})").Should().Be(expected);
        _fixture.Evaluate($"age({date})").Should().Be(expected);
        _fixture.Evaluate($"anniversaryYears({date})").Should().Be(expected);
    }

    [TestCase("2027-02-01", "2027-02-28")]
    [TestCase("2027-02-28", "2027-02-28")]
    [TestCase("2027-03-01", "2028-02-29")]
    [TestCase("2028-02-28", "2028-02-29")]
    [TestCase("2028-02-29", "2028-02-29")]
    [TestCase("2028-03-01", "2029-02-28")]
    public void Evaluate_NextOccurrenceOfFebruary29_IsFebruary28InNonLeapYears(string today, string expected)
    {
        _fixture.Today = Parse(today);
        _fixture.Condition("has(customer.anniversary) and nextOccurrence(customer.anniversary) == " + expected).Should().BeTrue();
        _fixture.Evaluate("nextOccurrence(2024-02-29)").Should().Be(Parse(expected));
    }

    [TestCase("2026-05-31", "2026-06-01")]
    [TestCase("2026-06-01", "2026-06-01")]
    [TestCase("2026-06-02", "2027-06-01")]
    [TestCase("2026-12-31", "2027-06-01")]
    public void Evaluate_NextOccurrenceOfADate_IsOnOrAfterToday(string today, string expected)
    {
        _fixture.Today = Parse(today);
        _fixture.Evaluate("nextOccurrence(1980-06-01)").Should().Be(Parse(expected));
    }

    [Test]
    public void Evaluate_DateParts_ReadTheCalendar()
    {
        _fixture.Evaluate("year(2026-03-15)").Should().Be(2026);
        _fixture.Evaluate("month(2026-03-15)").Should().Be(3);
        _fixture.Evaluate("day(2026-03-15)").Should().Be(15);
        _fixture.Condition("dayOfWeek(2026-03-15) == Sunday").Should().BeTrue();
        _fixture.Condition("dayOfWeek(2026-03-16) in [Saturday, Sunday]").Should().BeFalse();
    }

    [TestCase("2026-12-01", "Winter")]
    [TestCase("2026-01-15", "Winter")]
    [TestCase("2028-02-29", "Winter")]
    [TestCase("2026-03-01", "Spring")]
    [TestCase("2026-05-31", "Spring")]
    [TestCase("2026-06-01", "Summer")]
    [TestCase("2026-08-31", "Summer")]
    [TestCase("2026-09-01", "Autumn")]
    [TestCase("2026-11-30", "Autumn")]
    public void Evaluate_Season_IsMeteorologicalNorthern(string date, string season)
    {
        _fixture.Condition($"season({date}) == {season}").Should().BeTrue();
        _fixture.Evaluate($"season({date})")!.ToString().Should().Be(season);
    }

    [Test]
    public void Evaluate_DateAndTimeOfAnInstant_UseTheCustomersZone()
    {
        // 23:30 UTC on March 14th is 00:30 on March 15th in Paris (UTC+1 before the March 29th change).
        _fixture.Vehicle = _fixture.Vehicle with { LastSeen = Instant.FromUtc(2026, 3, 14, 23, 30) };
        _fixture.Evaluate("date(vehicle.lastSeen)").Should().Be(new LocalDate(2026, 3, 15));
        _fixture.Evaluate("timeOfDay(vehicle.lastSeen)").Should().Be(new LocalTime(0, 30));
        _fixture.Zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        _fixture.Evaluate("date(vehicle.lastSeen)").Should().Be(new LocalDate(2026, 3, 14));
    }

    [TestCase("startsWith(customer.firstName, 'Ad')", true)]
    [TestCase("startsWith(customer.firstName, 'ad')", false)]
    [TestCase("endsWith(customer.firstName, 'da')", true)]
    [TestCase("contains(customer.firstName, 'd')", true)]
    [TestCase("contains(customer.firstName, 'x')", false)]
    [TestCase("contains(customer.tags, 'vip')", true)]
    [TestCase("contains(customer.tags, 'VIP')", false)]
    [TestCase("contains(kinds, Reminder)", true)]
    [TestCase("contains(kinds, Offer)", false)]
    [TestCase("count(customer.tags) == 2", true)]
    [TestCase("length(customer.firstName) == 3", true)]
    [TestCase("lower(customer.firstName) == 'ada'", true)]
    [TestCase("upper(customer.firstName) == 'ADA'", true)]
    [TestCase("trim('  x ') == 'x'", true)]
    public void Evaluate_TextAndLists_WorkOrdinally(string text, bool expected) =>
        _fixture.Condition(text).Should().Be(expected);

    [Test]
    public void Evaluate_TextFunctions_TreatAbsentTextAsEmpty()
    {
        _fixture.Customer = _fixture.Customer with { Email = null };
        _fixture.Evaluate("length(customer.email ?? '')").Should().Be(0);
        _fixture.Evaluate("upper(customer.firstName)").Should().Be("ADA");
    }

    [Test]
    public void Evaluate_Numbers_MinMaxAbs()
    {
        _fixture.Evaluate("min(3, 5)").Should().Be(3);
        _fixture.Evaluate("max(3, 5)").Should().Be(5);
        _fixture.Evaluate("max(vehicle.mileage, 3)").Should().Be(42_000L);
        _fixture.Evaluate("min(customer.balance, 3)").Should().Be(3m);
        _fixture.Evaluate("abs(-4)").Should().Be(4);
        _fixture.Evaluate("abs(-4.5)").Should().Be(4.5m);
        _fixture.Evaluate("abs(vehicle.rating - 5)").Should().Be(0.5);
        _fixture.Evaluate("min(2026-01-01, today())").Should().Be(new LocalDate(2026, 1, 1));
        _fixture.Evaluate("max(2026-01-01, today())").Should().Be(_fixture.Today);
    }

    [TestCase("round(2.5)", 3L)]
    [TestCase("round(-2.5)", -3L)]
    [TestCase("round(2.4999)", 2L)]
    [TestCase("round(7)", 7L)]
    [TestCase("round(vehicle.rating)", 5L)]
    [TestCase("round(-vehicle.rating)", -5L)]
    [TestCase("round(vehicle.rating * 1000 + 0.4)", 4500L)]
    public void Evaluate_Round_GivesTheNearestWholeNumberHalvesAwayFromZero(string text, long expected)
    {
        _fixture.Evaluate(text).Should().Be(expected);
        _fixture.Compile(text)!.Type.Should().Be<long>("a whole number compares and renders as one");
    }

    [Test]
    public void Evaluate_RoundToDigits_KeepsTheNumberKind()
    {
        _fixture.Evaluate("round(3.14159, 2)").Should().Be(3.14m);
        _fixture.Evaluate("round(2.345, 2)").Should().Be(2.35m);
        _fixture.Evaluate("round(-2.345, 2)").Should().Be(-2.35m);
        _fixture.Evaluate("round(vehicle.rating / 7, 3)").Should().Be(0.643);
        _fixture.Evaluate("round(vehicle.rating, 0)").Should().Be(5.0);
        _fixture.Condition("round(vehicle.rating) > 4 and round(customer.balance, 1) == 12.5").Should().BeTrue();
    }

    [TestCase("round(vehicle.rating, 16)")]
    [TestCase("round(1.5, 29)")]
    [TestCase("round(1.5, -1)")]
    public void Evaluate_RoundToDigitsOutOfRange_FailsTheRule(string text)
    {
        var act = () => _fixture.Evaluate(text);

        act.Should().Throw<System.Reflection.TargetInvocationException>().WithInnerException<System.ArgumentOutOfRangeException>()
            .WithMessage("*round(x, digits) takes 0 to*");
    }

    [Test]
    public void Evaluate_RoundBeyondWholeNumbers_FailsInsteadOfSaturating()
    {
        _fixture.Vehicle = _fixture.Vehicle with { Rating = 1e19 };

        var act = () => _fixture.Evaluate("round(vehicle.rating)");

        act.Should().Throw<System.Reflection.TargetInvocationException>().WithInnerException<System.OverflowException>();
    }

    [TestCase("round('x')", 6, "Argument 1 of round is a text")]
    [TestCase("round(today())", 6, "does not fit round(number, whole number) or round(number)")]
    [TestCase("round(1.5, 1.5)", 11, "Argument 2 of round")]
    public void Compile_RoundOfAWrongType_IsER2052(string text, int offset, string message)
    {
        var error = _fixture.Error(text);

        error.Code.Should().Be("ER2052", error.Format());
        error.Location.Column.Should().Be(ExpressionFixture.Origin.Column + offset);
        error.Message.Should().Contain(message);
    }

    [Test]
    public void Compile_RoundWithThreeArguments_IsER2051() =>
        _fixture.Error("round(1.5, 1, 1)").Code.Should().Be("ER2051");

    [Test]
    public void Evaluate_UpperAsAValue_CompilesToText() =>
        _fixture.Compile("upper(customer.firstName)", typeof(string))!.Type.Should().Be<string>();

    private static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
