using Engagement.Rules.Facts;
using NodaTime;

namespace Engagement.Rules.Tests.Facts;

public sealed class CustomerBirthDateTest
{
    [Test]
    public void Create_YearUnknown_HasNoDateOrAge()
    {
        var birthDate = new CustomerBirthDate(new AnnualDate(7, 14));

        birthDate.Year.Should().BeNull();
        birthDate.Date.Should().BeNull();
        birthDate.AgeOn(new LocalDate(2026, 7, 14)).Should().BeNull();
        birthDate.BirthdayIn(2026).Should().Be(new LocalDate(2026, 7, 14));
    }

    [Test]
    public void Create_Feb29YearUnknown_Allowed()
    {
        var birthDate = new CustomerBirthDate(new AnnualDate(2, 29));

        birthDate.BirthdayIn(2028).Should().Be(new LocalDate(2028, 2, 29));
        birthDate.BirthdayIn(2027).Should().Be(new LocalDate(2027, 2, 28));
    }

    [Test]
    public void Create_Feb29InLeapYear_Allowed()
    {
        var birthDate = new CustomerBirthDate(new AnnualDate(2, 29), 1988);

        birthDate.Date.Should().Be(new LocalDate(1988, 2, 29));
        // The age goes up on the day the birthday is celebrated: Feb 28 in a non-leap year.
        birthDate.AgeOn(new LocalDate(2026, 2, 27)).Should().Be(37);
        birthDate.AgeOn(birthDate.BirthdayIn(2026)).Should().Be(38);
    }

    [Test]
    public void Create_Feb29InNonLeapYear_Throws()
    {
        var act = () => new CustomerBirthDate(new AnnualDate(2, 29), 1987);

        act.ShouldFailValidation("CustomerBirthDate", "Year", "1987");
    }

    [Test]
    public void With_YearChangedToNonLeapForFeb29_Throws()
    {
        var birthDate = new CustomerBirthDate(new AnnualDate(2, 29), 1988);

        var act = () => birthDate with { Year = 1989 };

        act.ShouldFailValidation("CustomerBirthDate", "Year", "1989");
    }

    [TestCase(1899)]
    [TestCase(10000)]
    public void Create_YearOutOfRange_Throws(int year)
    {
        var act = () => new CustomerBirthDate(new AnnualDate(5, 1), year);

        act.ShouldFailValidation("CustomerBirthDate", "Year", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Test]
    public void FromDate_KeepsMonthDayAndYear()
    {
        var birthDate = CustomerBirthDate.FromDate(new LocalDate(1975, 12, 31));

        birthDate.MonthDay.Should().Be(new AnnualDate(12, 31));
        birthDate.Year.Should().Be(1975);
    }
}
