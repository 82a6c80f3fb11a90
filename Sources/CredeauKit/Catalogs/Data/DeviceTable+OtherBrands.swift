extension DeviceTable {
    /// Xiaomi (Redmi, POCO, Mi), realme, vivo and iQOO, OPPO, OnePlus, Motorola, Apple, Nokia, Infinix, Tecno, itel and Lava models.
    static let otherBrandsTSV = #"""
# Xiaomi phones report manufacturer Xiaomi for the Redmi, POCO and Mi lines.
xiaomi	redmi 5a	5999	estimate
xiaomi	redmi 6a	5999	estimate
xiaomi	redmi 6	7999	estimate
xiaomi	redmi 6 pro	10999	estimate
xiaomi	redmi 7	7999	estimate
xiaomi	redmi 7a	5999	estimate
xiaomi	redmi y2	9999	estimate
xiaomi	redmi y3	9999	estimate
xiaomi	redmi 8	7999	launch
xiaomi	redmi 8a	6499	launch
xiaomi	redmi 8a dual	6499	estimate
xiaomi	redmi 9	8999	estimate
xiaomi	redmi 9a	6799	launch	m2006c3li
xiaomi	redmi 9i	8299	estimate
xiaomi	redmi 9 prime	9999	launch	m2004j19pi
xiaomi	redmi 9 power	10999	launch	m2010j19si
xiaomi	redmi 9 activ	9499	estimate
xiaomi	redmi 10	10999	estimate
xiaomi	redmi 10 prime	12499	launch
xiaomi	redmi 10 power	14999	estimate
xiaomi	redmi 10a	8499	estimate
xiaomi	redmi 11 prime	12999	estimate
xiaomi	redmi 11 prime 5g	13999	estimate
xiaomi	redmi a1	6499	estimate
xiaomi	redmi a2	5999	estimate
xiaomi	redmi a3	7299	estimate
xiaomi	redmi 12	8999	estimate
xiaomi	redmi 12 5g	11999	estimate
xiaomi	redmi 12c	8999	estimate
xiaomi	redmi 13c	7999	estimate
xiaomi	redmi 13c 5g	9999	estimate
xiaomi	redmi 13 5g	13999	estimate
xiaomi	redmi note 4	9999	launch
xiaomi	redmi note 5	9999	launch
xiaomi	redmi note 5 pro	13999	launch
xiaomi	redmi note 6 pro	13999	launch
xiaomi	redmi note 7	9999	launch
xiaomi	redmi note 7 pro	13999	launch
xiaomi	redmi note 7s	10999	launch
xiaomi	redmi note 8	9999	launch
xiaomi	redmi note 8 pro	14999	launch
xiaomi	redmi note 9	11999	launch
xiaomi	redmi note 9 pro	12999	launch
xiaomi	redmi note 9 pro max	16999	launch
xiaomi	redmi note 10	11999	launch
xiaomi	redmi note 10s	14999	launch
xiaomi	redmi note 10 pro	15999	launch
xiaomi	redmi note 10 pro max	18999	launch
xiaomi	redmi note 10t 5g	13999	estimate
xiaomi	redmi note 11	12999	estimate
xiaomi	redmi note 11s	16499	estimate
xiaomi	redmi note 11t 5g	16999	estimate
xiaomi	redmi note 11 pro+ 5g	20999	estimate
xiaomi	redmi note 12	14999	estimate
xiaomi	redmi note 12 5g	17999	estimate
xiaomi	redmi note 12 pro 5g	24999	estimate
xiaomi	redmi note 13 5g	16999	estimate
xiaomi	redmi note 13 pro 5g	23999	estimate
xiaomi	redmi note 13 pro+ 5g	31999	estimate
xiaomi	redmi k20	21999	launch
xiaomi	redmi k20 pro	27999	launch
xiaomi	redmi k50i	25999	estimate
xiaomi	poco f1	20999	launch
xiaomi	poco x2	15999	launch
xiaomi	poco m2	10999	estimate
xiaomi	poco m2 pro	13999	estimate
xiaomi	poco x3	16999	estimate
xiaomi	poco x3 pro	18999	estimate
xiaomi	poco m3	10999	estimate
xiaomi	poco m3 pro 5g	13999	estimate
xiaomi	poco f3 gt	26999	estimate
xiaomi	poco m4 pro	14999	estimate
xiaomi	poco m4 5g	12999	estimate
xiaomi	poco x4 pro 5g	18999	estimate
xiaomi	poco f4 5g	27999	estimate
xiaomi	poco c3	7499	estimate
xiaomi	poco c31	8499	estimate
xiaomi	poco c50	6499	estimate
xiaomi	poco c55	9499	estimate
xiaomi	poco c65	7499	estimate
xiaomi	poco m5	12499	estimate
xiaomi	poco m6 pro 5g	10999	estimate
xiaomi	poco x5 pro 5g	22999	estimate
xiaomi	poco x6 5g	21999	estimate
xiaomi	poco x6 pro 5g	26999	estimate
xiaomi	poco f5 5g	29999	estimate
xiaomi	poco f6	29999	estimate
xiaomi	mi a1	14999	launch
xiaomi	mi a2	16999	launch
xiaomi	mi a3	12999	launch
xiaomi	mi 10i	20999	estimate
xiaomi	mi 10t	35999	estimate
xiaomi	mi 11x	29999	estimate
xiaomi	mi 11 lite	21999	estimate
xiaomi	xiaomi 11i	24999	estimate
xiaomi	xiaomi 11 lite ne 5g	26999	estimate
xiaomi	xiaomi 12 pro	62999	estimate
xiaomi	xiaomi 13 pro	79999	estimate
xiaomi	xiaomi 14	69999	estimate
# realme
realme	realme c1	6999	estimate	rmx1811
realme	realme c2	5999	estimate	rmx1941
realme	realme c3	6999	estimate	rmx2020
realme	realme c11	7499	launch	rmx2185
realme	realme c12	8999	estimate	rmx2189
realme	realme c15	9999	estimate	rmx2180
realme	realme c20	6999	estimate	rmx3063
realme	realme c21	7999	estimate	rmx3201
realme	realme c25	9999	estimate	rmx3191
realme	realme c30	7499	estimate
realme	realme c31	8999	estimate
realme	realme c33	8999	estimate
realme	realme c35	11999	estimate
realme	realme c51	8999	estimate
realme	realme c53	9999	estimate
realme	realme c55	10999	estimate
realme	realme 2	8990	estimate	rmx1805
realme	realme 2 pro	13990	estimate	rmx1801
realme	realme 3	8999	estimate	rmx1825
realme	realme 3 pro	13999	estimate	rmx1851
realme	realme 3i	7999	estimate	rmx1827
realme	realme 5	9999	launch	rmx1911
realme	realme 5i	8999	estimate	rmx2030
realme	realme 5s	9999	estimate	rmx1925
realme	realme 5 pro	13999	launch	rmx1971
realme	realme 6	12999	estimate	rmx2001
realme	realme 6 pro	16999	estimate	rmx2061
realme	realme 7	14999	estimate	rmx2151
realme	realme 7 pro	19999	estimate	rmx2170
realme	realme 7i	11999	estimate	rmx2103
realme	realme 8	14999	estimate	rmx3085
realme	realme 8 pro	17999	estimate	rmx3081
realme	realme 8 5g	14999	estimate	rmx3241
realme	realme 8i	13999	estimate	rmx3151
realme	realme 9	17999	estimate
realme	realme 9i	13999	estimate
realme	realme 9 pro 5g	17999	estimate
realme	realme 10	13999	estimate
realme	realme 10 pro 5g	18999	estimate
realme	realme 11 pro 5g	23999	estimate
realme	realme 11x 5g	14999	estimate
realme	realme 12 pro 5g	25999	estimate
realme	realme 12x 5g	11999	estimate
realme	realme narzo 10	11999	estimate	rmx2040
realme	realme narzo 10a	8499	estimate
realme	realme narzo 20	10499	estimate
realme	realme narzo 20a	8499	estimate
realme	realme narzo 20 pro	14999	estimate
realme	realme narzo 30	12499	estimate
realme	realme narzo 30a	8999	estimate	rmx3171
realme	realme narzo 50	12999	estimate
realme	realme narzo 50a	11499	estimate
realme	realme narzo 50i	7499	estimate
realme	realme narzo n53	8999	estimate
realme	realme narzo n55	10999	estimate
realme	realme narzo 60 5g	17999	estimate
realme	realme x	16999	estimate
realme	realme xt	15999	estimate
realme	realme x2	16999	estimate
realme	realme x2 pro	29999	estimate
realme	realme x7 5g	19999	estimate
realme	realme gt 5g	37999	estimate
realme	realme gt master edition	25999	estimate
realme	realme gt neo 2	31999	estimate
# vivo (iQOO phones also report manufacturer vivo)
vivo	vivo y91	10990	estimate
vivo	vivo y91i	7990	estimate
vivo	vivo y93	13990	estimate
vivo	vivo y95	16990	estimate
vivo	vivo y11	8990	estimate
vivo	vivo y12	9990	estimate
vivo	vivo y15	13990	estimate
vivo	vivo y17	17990	estimate
vivo	vivo y19	13990	estimate
vivo	vivo y1s	7990	estimate
vivo	vivo y12s	9990	estimate
vivo	vivo y20	11490	estimate
vivo	vivo y20a	11490	estimate
vivo	vivo y20g	12990	estimate
vivo	vivo y21	13990	estimate
vivo	vivo y33s	17990	estimate
vivo	vivo y16	9999	estimate
vivo	vivo y22	14499	estimate
vivo	vivo y02	8999	estimate
vivo	vivo y02s	8999	estimate
vivo	vivo y35	18499	estimate
vivo	vivo y36	16999	estimate
vivo	vivo y56 5g	19999	estimate
vivo	vivo y28 5g	13999	estimate
vivo	vivo t2x 5g	12999	estimate
vivo	vivo t3 5g	19999	estimate
vivo	vivo s1	17990	estimate
vivo	vivo z1 pro	14990	estimate
vivo	vivo v9	22990	estimate
vivo	vivo v11 pro	25990	estimate
vivo	vivo v15 pro	28990	estimate
vivo	vivo v17 pro	29990	estimate
vivo	vivo v20	24990	estimate
vivo	vivo v21 5g	29990	estimate
vivo	vivo v23 5g	29990	estimate
vivo	vivo v25 5g	27999	estimate
vivo	vivo v27	32999	estimate
vivo	vivo v29	32999	estimate
vivo	vivo x60	37990	estimate
vivo	vivo x80	54999	estimate
vivo	iqoo z3 5g	19990	estimate
vivo	iqoo z5	23990	estimate
vivo	iqoo z6 5g	15499	estimate
vivo	iqoo z7 5g	18999	estimate
vivo	iqoo z9 5g	19999	estimate
vivo	iqoo 7	31990	estimate
vivo	iqoo neo 6	29999	estimate
vivo	iqoo neo 7	29999	estimate
vivo	iqoo 11	59999	estimate
vivo	iqoo 12	52999	estimate
# OPPO
oppo	oppo a3s	10990	estimate	cph1853
oppo	oppo a5s	9990	estimate	cph1909
oppo	oppo a5 2020	12490	estimate
oppo	oppo a9 2020	16990	estimate
oppo	oppo a15s	11490	estimate
oppo	oppo a16	13990	estimate
oppo	oppo a17	12499	estimate
oppo	oppo a17k	10499	estimate
oppo	oppo a31	11490	estimate
oppo	oppo a52	16990	estimate
oppo	oppo a53	15990	estimate
oppo	oppo a54	13490	estimate
oppo	oppo a55	15490	estimate
oppo	oppo a57	13999	estimate
oppo	oppo a74 5g	17990	estimate
oppo	oppo a77s	17999	estimate
oppo	oppo a78 5g	18999	estimate
oppo	oppo a79 5g	19999	estimate
oppo	oppo a38	12999	estimate
oppo	oppo f11 pro	24990	estimate
oppo	oppo f15	19990	estimate
oppo	oppo f17 pro	22990	estimate
oppo	oppo f19 pro	21490	estimate
oppo	oppo f21 pro	22999	estimate
oppo	oppo f23 5g	24999	estimate
oppo	oppo f25 pro 5g	23999	estimate
oppo	oppo k10	14990	estimate
oppo	oppo reno5 pro 5g	35990	estimate
oppo	oppo reno6 5g	29990	estimate
oppo	oppo reno8 5g	29999	estimate
oppo	oppo reno10 5g	32999	estimate
oppo	oppo reno11 5g	29999	estimate
# OnePlus (codes are the Indian variants)
oneplus	oneplus 6t	37999	launch
oneplus	oneplus 7	32999	launch	gm1901
oneplus	oneplus 7 pro	48999	launch	gm1911
oneplus	oneplus 7t	37999	launch	hd1901
oneplus	oneplus 7t pro	53999	launch	hd1911
oneplus	oneplus 8	41999	launch	in2011
oneplus	oneplus 8 pro	54999	launch	in2021
oneplus	oneplus 8t	42999	launch	kb2001
oneplus	oneplus nord	24999	launch	ac2001
oneplus	oneplus nord ce 5g	22999	launch	eb2101
oneplus	oneplus nord 2 5g	29999	launch	dn2101
oneplus	oneplus nord ce 2 5g	23999	launch	iv2201
oneplus	oneplus nord ce 2 lite 5g	19999	launch	cph2381
oneplus	oneplus nord ce 3 lite 5g	19999	launch	cph2467
oneplus	oneplus nord ce 3 5g	26999	estimate
oneplus	oneplus nord 3 5g	33999	estimate
oneplus	oneplus nord ce4	24999	estimate
oneplus	oneplus nord ce4 lite 5g	19999	estimate
oneplus	oneplus 9	49999	launch	le2111
oneplus	oneplus 9 pro	64999	launch	le2121
oneplus	oneplus 9r	39999	launch	le2101
oneplus	oneplus 10r	38999	estimate
oneplus	oneplus 10 pro	66999	estimate
oneplus	oneplus 11r	39999	estimate
oneplus	oneplus 11	56999	launch
oneplus	oneplus 12r	39999	estimate
oneplus	oneplus 12	64999	launch
# Motorola
motorola	moto e6s	7999	estimate
motorola	moto e7 plus	9499	estimate
motorola	moto e13	6999	estimate
motorola	moto e32s	8999	estimate
motorola	moto e40	9499	estimate
motorola	moto g5s plus	15999	estimate
motorola	moto g7 power	13999	estimate
motorola	moto g8 power lite	8999	estimate
motorola	moto g9	11499	estimate
motorola	moto g9 power	11999	estimate
motorola	moto g10 power	9999	estimate
motorola	moto g30	10999	estimate
motorola	moto g40 fusion	13999	estimate
motorola	moto g60	17999	estimate
motorola	moto g31	12999	estimate
motorola	moto g51 5g	14999	estimate
motorola	moto g52	14499	estimate
motorola	moto g62 5g	17999	estimate
motorola	moto g71 5g	18999	estimate
motorola	moto g72	18999	estimate
motorola	moto g82 5g	21499	estimate
motorola	moto g32	11999	estimate
motorola	moto g13	9999	estimate
motorola	moto g14	9999	estimate
motorola	moto g24 power	8999	estimate
motorola	moto g34 5g	10999	estimate
motorola	moto g54 5g	15999	estimate
motorola	moto g64 5g	14999	estimate
motorola	moto g84 5g	19999	estimate
motorola	motorola one power	15999	estimate
motorola	motorola edge 20	29999	estimate
motorola	motorola edge 20 fusion	21499	estimate
motorola	motorola edge 30	27999	estimate
motorola	motorola edge 40	29999	estimate
motorola	motorola edge 40 neo	23999	estimate
motorola	motorola edge 50 fusion	22999	estimate
# Apple: the codes are the machine identifiers iOS reports (iPhone14,5).
apple	iphone 6	53500	estimate	iphone7,2
apple	iphone 6s	62000	launch	iphone8,1
apple	iphone 7	60000	launch	iphone9,1 iphone9,3
apple	iphone 7 plus	72000	launch	iphone9,2 iphone9,4
apple	iphone 8	64000	launch	iphone10,1 iphone10,4
apple	iphone 8 plus	73000	launch	iphone10,2 iphone10,5
apple	iphone x	89000	launch	iphone10,3 iphone10,6
apple	iphone xr	76900	launch	iphone11,8
apple	iphone xs	99900	launch	iphone11,2
apple	iphone xs max	109900	launch	iphone11,4 iphone11,6
apple	iphone 11	64900	launch	iphone12,1
apple	iphone 11 pro	99900	launch	iphone12,3
apple	iphone 11 pro max	109900	launch	iphone12,5
apple	iphone se 2nd gen	42500	launch	iphone12,8
apple	iphone 12 mini	69900	launch	iphone13,1
apple	iphone 12	79900	launch	iphone13,2
apple	iphone 12 pro	119900	launch	iphone13,3
apple	iphone 12 pro max	129900	launch	iphone13,4
apple	iphone 13 mini	69900	launch	iphone14,4
apple	iphone 13	79900	launch	iphone14,5
apple	iphone 13 pro	119900	launch	iphone14,2
apple	iphone 13 pro max	129900	launch	iphone14,3
apple	iphone se 3rd gen	43900	launch	iphone14,6
apple	iphone 14	79900	launch	iphone14,7
apple	iphone 14 plus	89900	launch	iphone14,8
apple	iphone 14 pro	129900	launch	iphone15,2
apple	iphone 14 pro max	139900	launch	iphone15,3
apple	iphone 15	79900	launch	iphone15,4
apple	iphone 15 plus	89900	launch	iphone15,5
apple	iphone 15 pro	134900	launch	iphone16,1
apple	iphone 15 pro max	159900	launch	iphone16,2
apple	iphone 16	79900	launch	iphone17,3
apple	iphone 16 plus	89900	launch	iphone17,4
apple	iphone 16 pro	119900	launch	iphone17,1
apple	iphone 16 pro max	144900	launch	iphone17,2
# Nokia phones by HMD Global
nokia	nokia 2.3	8199	estimate
nokia	nokia 3.4	11999	estimate
nokia	nokia 5.3	13999	estimate
nokia	nokia 5.4	13999	estimate
nokia	nokia 6.1 plus	15999	estimate
nokia	nokia 7.2	18599	estimate
nokia	nokia c01 plus	5999	estimate
nokia	nokia c12	5999	estimate
nokia	nokia c20	7499	estimate
nokia	nokia c32	8999	estimate
nokia	nokia g20	12999	estimate
nokia	nokia g21	12999	estimate
nokia	nokia g42 5g	12599	estimate
# Transsion brands and Lava
infinix	infinix hot 10	9999	estimate
infinix	infinix hot 11s	10999	estimate
infinix	infinix hot 12 play	8499	estimate
infinix	infinix hot 20 5g	11999	estimate
infinix	infinix hot 30i	7999	estimate
infinix	infinix hot 40i	8999	estimate
infinix	infinix smart 5	7199	estimate
infinix	infinix smart 6	7499	estimate
infinix	infinix smart 7	7299	estimate
infinix	infinix smart 8	7499	estimate
infinix	infinix note 10	11999	estimate
infinix	infinix note 12	11999	estimate
infinix	infinix note 30 5g	14999	estimate
infinix	infinix zero 30 5g	23999	estimate
tecno	tecno spark 7	6999	estimate
tecno	tecno spark 9	8499	estimate
tecno	tecno spark 10 pro	12499	estimate
tecno	tecno spark go 2023	6999	estimate
tecno	tecno spark go 2024	6699	estimate
tecno	tecno pop 7 pro	6799	estimate
tecno	tecno pop 8	6499	estimate
tecno	tecno camon 20	14999	estimate
tecno	tecno pova 2	10999	estimate
tecno	tecno pova 5	11999	estimate
tecno	tecno pova 6 pro 5g	19999	estimate
itel	itel a23 pro	5299	estimate
itel	itel a60	5999	estimate
itel	itel a70	6299	estimate
itel	itel p40	7699	estimate
itel	itel p55 5g	9999	estimate
itel	itel s23	8799	estimate
itel	itel vision 1 pro	6599	estimate
lava	lava z2	6999	estimate
lava	lava agni 5g	19999	estimate
lava	lava blaze 5g	10999	estimate
lava	lava yuva 2 pro	7999	estimate
lava	lava storm 5g	13499	estimate
lava	lava o2	8499	estimate
"""#
}
