extension DeviceTable {
    /// Samsung Galaxy A, M, F, J, S, Note and Z models.
    static let samsungTSV = #"""
# manufacturer	model	price_inr	basis	model codes
samsung	galaxy a10	8490	launch	sm-a105
samsung	galaxy a10s	9499	launch	sm-a107
samsung	galaxy a20	12490	launch	sm-a205
samsung	galaxy a20s	11999	estimate	sm-a207
samsung	galaxy a30	16990	launch	sm-a305
samsung	galaxy a30s	16999	launch	sm-a307
samsung	galaxy a50	19990	launch	sm-a505
samsung	galaxy a50s	22999	launch	sm-a507
samsung	galaxy a70	28990	launch	sm-a705
samsung	galaxy a80	47990	launch	sm-a805
samsung	galaxy a01	8999	estimate	sm-a015
samsung	galaxy a01 core	5999	estimate	sm-a013
samsung	galaxy a21s	16499	estimate	sm-a217
samsung	galaxy a31	21999	launch	sm-a315
samsung	galaxy a51	23999	launch	sm-a515
samsung	galaxy a71	29999	launch	sm-a715
samsung	galaxy a02	7999	estimate	sm-a022
samsung	galaxy a02s	8999	estimate	sm-a025
samsung	galaxy a12	12999	launch	sm-a125
samsung	galaxy a22	18499	launch	sm-a225
samsung	galaxy a22 5g	19999	estimate	sm-a226
samsung	galaxy a32	21999	launch	sm-a325
samsung	galaxy a52	26499	launch	sm-a525
samsung	galaxy a52s 5g	35999	launch	sm-a528
samsung	galaxy a72	34999	launch	sm-a725
samsung	galaxy a03	10499	estimate	sm-a035
samsung	galaxy a03s	11499	estimate	sm-a037
samsung	galaxy a03 core	7999	estimate	sm-a032
samsung	galaxy a13	14999	launch	sm-a135
samsung	galaxy a23	19499	launch	sm-a235
samsung	galaxy a33 5g	28499	launch	sm-a336
samsung	galaxy a53 5g	34499	launch	sm-a536
samsung	galaxy a73 5g	41999	launch	sm-a736
samsung	galaxy a04e	9299	estimate	sm-a042
samsung	galaxy a04s	13499	estimate	sm-a047
samsung	galaxy a14	13999	estimate	sm-a145
samsung	galaxy a14 5g	16499	launch	sm-a146
samsung	galaxy a34 5g	30999	launch	sm-a346
samsung	galaxy a54 5g	38999	launch	sm-a546
samsung	galaxy a05	9999	estimate	sm-a055
samsung	galaxy a05s	14999	estimate	sm-a057
samsung	galaxy a15 5g	19499	estimate	sm-a156
samsung	galaxy a25 5g	26999	estimate	sm-a256
samsung	galaxy a35 5g	33999	estimate	sm-a356
samsung	galaxy a55 5g	39999	estimate	sm-a556
samsung	galaxy a06	9999	estimate	sm-a065
samsung	galaxy a16 5g	18999	estimate	sm-a166
samsung	galaxy m10	7990	launch	sm-m105
samsung	galaxy m20	10990	launch	sm-m205
samsung	galaxy m30	14990	launch	sm-m305
samsung	galaxy m40	19990	launch	sm-m405
samsung	galaxy m10s	8999	estimate	sm-m107
samsung	galaxy m30s	13999	launch	sm-m307
samsung	galaxy m01	8999	estimate	sm-m015
samsung	galaxy m01 core	5499	estimate	sm-m013
samsung	galaxy m11	10999	estimate	sm-m115
samsung	galaxy m21	12999	launch	sm-m215
samsung	galaxy m31	15999	launch	sm-m315
samsung	galaxy m31s	19499	launch	sm-m317
samsung	galaxy m51	24999	launch	sm-m515
samsung	galaxy m02	6999	estimate	sm-m022
samsung	galaxy m02s	8999	estimate	sm-m025
samsung	galaxy m12	12999	launch	sm-m127
samsung	galaxy m32	14999	estimate	sm-m325
samsung	galaxy m42 5g	21999	estimate	sm-m426
samsung	galaxy m52 5g	29999	estimate	sm-m526
samsung	galaxy m62	23999	estimate	sm-m625
samsung	galaxy m13	11999	estimate	sm-m135
samsung	galaxy m33 5g	17999	estimate	sm-m336
samsung	galaxy m53 5g	26499	estimate	sm-m536
samsung	galaxy m04	8499	estimate	sm-m045
samsung	galaxy m14 5g	13490	estimate	sm-m146
samsung	galaxy m34 5g	18999	estimate	sm-m346
samsung	galaxy m15 5g	13299	estimate	sm-m156
samsung	galaxy m35 5g	19999	estimate	sm-m356
samsung	galaxy m55 5g	26999	estimate	sm-m556
samsung	galaxy m05	7999	estimate	sm-m055
samsung	galaxy f41	16999	estimate	sm-f415
samsung	galaxy f62	23999	launch	sm-e625
samsung	galaxy f02s	8999	estimate	sm-e025
samsung	galaxy f12	10999	estimate	sm-f127
samsung	galaxy f22	12499	estimate	sm-e225
samsung	galaxy f42 5g	20999	estimate	sm-e426
samsung	galaxy f23 5g	17499	estimate	sm-e236
samsung	galaxy f13	11999	launch	sm-e135
samsung	galaxy f04	9499	estimate	sm-e045
samsung	galaxy f14 5g	14490	estimate	sm-e146
samsung	galaxy f34 5g	18999	estimate	sm-e346
samsung	galaxy f54 5g	27999	estimate	sm-e546
samsung	galaxy f15 5g	15999	estimate	sm-e156
samsung	galaxy j2 core	6190	estimate	sm-j260
samsung	galaxy j6	13990	estimate	sm-j600
samsung	galaxy j7 prime	16900	estimate	sm-g610
samsung	galaxy j7 nxt	10990	estimate	sm-j701
samsung	galaxy j8	18990	estimate	sm-j810
samsung	galaxy s9	57900	launch	sm-g960
samsung	galaxy s9+	64900	launch	sm-g965
samsung	galaxy s10e	55900	launch	sm-g970
samsung	galaxy s10	66900	launch	sm-g973
samsung	galaxy s10+	73900	launch	sm-g975
samsung	galaxy s20	66999	launch	sm-g980
samsung	galaxy s20 fe	49999	estimate	sm-g780
samsung	galaxy s21	69999	launch	sm-g991
samsung	galaxy s21 fe 5g	54999	estimate	sm-g990
samsung	galaxy s21 ultra	105999	launch	sm-g998
samsung	galaxy s22	72999	launch	sm-s901
samsung	galaxy s22 ultra	109999	launch	sm-s908
samsung	galaxy s23	74999	launch	sm-s911
samsung	galaxy s23 fe	59999	estimate	sm-s711
samsung	galaxy s23 ultra	124999	launch	sm-s918
samsung	galaxy s24	79999	launch	sm-s921
samsung	galaxy s24 fe	59999	estimate	sm-s721
samsung	galaxy s24 ultra	129999	launch	sm-s928
samsung	galaxy note 10	69999	launch	sm-n970
samsung	galaxy note 10 lite	38999	launch	sm-n770
samsung	galaxy note 20	77999	launch	sm-n980
samsung	galaxy note 20 ultra	104999	launch	sm-n986
samsung	galaxy z flip3	84999	launch	sm-f711
samsung	galaxy z fold3	149999	launch	sm-f926
samsung	galaxy z flip5	99999	launch	sm-f731
samsung	galaxy z fold5	154999	launch	sm-f946
"""#
}
