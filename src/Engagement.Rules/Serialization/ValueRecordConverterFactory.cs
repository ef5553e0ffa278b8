using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.Rules.Facts;

namespace Engagement.Rules.Serialization;

/// <summary>
/// Reads the value records built through a constructor (<see cref="CustomerBirthDate"/>, <see cref="Jurisdiction"/>,
/// <see cref="Loyalty"/>, <see cref="OdometerReading"/>, <see cref="OpeningHours"/>). The serializer does not add a
/// path to exceptions thrown by constructors, so this converter turns them into errors located at the value.
/// </summary>
internal sealed class ValueRecordConverterFactory : JsonConverterFactory
{
    public static bool IsValueRecord(Type type) =>
        type.IsClass
        && type.Namespace == typeof(Vin).Namespace
        && type.GetConstructor(Type.EmptyTypes) is null
        && type != typeof(BusinessHours)
        && !typeof(Exception).IsAssignableFrom(type)
        && !type.IsAbstract;

    public override bool CanConvert(Type typeToConvert) => IsValueRecord(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        // The same settings without this factory: the records' own contract, for the records' own members.
        var plain = new JsonSerializerOptions(options);
        plain.Converters.Remove(this);
        return (JsonConverter)Activator.CreateInstance(typeof(ValueRecordConverter<>).MakeGenericType(typeToConvert), plain)!;
    }
}

/// <summary>See <see cref="ValueRecordConverterFactory"/>.</summary>
/// <typeparam name="T">The value record.</typeparam>
internal sealed class ValueRecordConverter<T>(JsonSerializerOptions plain) : JsonConverter<T>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, plain);
        }
        catch (FactValidationException e)
        {
            throw FactJsonException.Below(e.Message, e, "." + JsonNames.Of(e.Field));
        }
        catch (JsonException e)
        {
            // The inner read reports a path relative to this value ("$.year"): keep it below the outer path.
            var relative = e is FactJsonException located ? located.Locate(e.Path) : e.Path ?? "$";
            throw FactJsonException.Below(FactsErrors.WithoutLocation(e.Message), e.InnerException ?? e, relative[1..]);
        }
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, plain);
}
