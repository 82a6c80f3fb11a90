/// The compiled-in device price tables.
///
/// Prices are estimates. Each is the launch price in INR of the base variant as publicly reported
/// when the phone went on sale in India. The authors wrote the figures down from their knowledge
/// of those reports and did not check them row by row against a source. `launch` marks figures the authors are
/// confident of and `estimate` marks approximate ones. Model codes come from the same knowledge.
enum DeviceTable {
    static var defaultTSV: String {
        [samsungTSV, otherBrandsTSV].joined(separator: "\n")
    }

    /// Strings phones report as brand or manufacturer, mapped to the manufacturer key of the
    /// model table, with the word that starts that manufacturer's model names.
    static let brandsTSV = #"""
# brand	manufacturer	model prefix
samsung	samsung	galaxy
xiaomi	xiaomi
redmi	xiaomi
poco	xiaomi
mi	xiaomi
realme	realme
vivo	vivo
iqoo	vivo
oppo	oppo
oneplus	oneplus
motorola	motorola	moto
moto	motorola
apple	apple
apple inc.	apple
nokia	nokia
hmd global	nokia
hmd	nokia
infinix	infinix
infinix mobility limited	infinix
tecno	tecno
tecno mobile limited	tecno
itel	itel
itel mobile limited	itel
lava	lava
lava international	lava
"""#
}
