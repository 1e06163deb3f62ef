/**
 * Provincial census figures behind the default fertility and mortality of each province and
 * behind the hukou figures: for the 31 mainland provinces, the 2010 census population by age
 * group and sex, the 2010 crude birth and death rates (births and deaths in the 12 months
 * before 1 November 2010), the 2010 registered (户籍) population and non-agricultural hukou
 * share, and the 2010 and 2020 residents whose hukou is registered in another township.
 *
 * Provenance.
 * - 2010 population by age and sex: census yearbook 2010 Table 1-7 (中国2010年人口普查资料),
 *   read from GitHub `earfanfan/yuanfan`, `static/data/我国人口普查数据整理2010+2020.xlsx`,
 *   commit 879035676e6329ca4ac03a427d07e93eb99f9069 (sheet "1"; official tabulation, the
 *   repository states no licence). Age groups as `CENSUS_2020_AGE_GROUPS` (0, 1-4, ..., 100+).
 * - Everything else: the province rows of the county-level census yearbooks, compiled by
 *   Lei Dong et al., "China Census", GitHub `leiii/census`, commit
 *   0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087, files `data/census/census_county_2010_v1.xlsx`
 *   and `data/census/census_county_2020_v1.xlsx`. MIT licence, "Copyright (c) 2022 Lei Dong":
 *   see LICENSE beside this file.
 * Numbers are as in those files (percentages turned into 0-1 shares); checks made: the age
 * groups of each province add up to its 2010 population.
 */
import type { DataSource } from '../types.js';

/** Where the provincial census figures were read from. */
export const CENSUS_PROVINCES_SOURCES: readonly DataSource[] = [
  {
    citation: 'National Bureau of Statistics, 中国2010年人口普查资料 (Tabulation of the 2010 Population Census), Table 1-7, population by age and sex by region',
    repository: 'earfanfan/yuanfan',
    path: 'static/data/我国人口普查数据整理2010+2020.xlsx',
    commit: '879035676e6329ca4ac03a427d07e93eb99f9069',
    notes: 'Sheet "1", 2010 columns. The repository states no licence; the figures are official census tabulations.',
  },
  {
    citation: 'National Bureau of Statistics, 2010 and 2020 census county-level yearbooks (中国人口普查分县资料), province rows, as compiled by Lei Dong et al., "China Census"',
    repository: 'leiii/census',
    path: 'data/census/census_county_2010_v1.xlsx; data/census/census_county_2020_v1.xlsx',
    commit: '0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087',
    notes: 'MIT licence, Copyright (c) 2022 Lei Dong (LICENSE beside this file). Province rows only.',
  },
];

/** The census figures of one province. */
export interface CensusProvinceFigures {
  /** GB/T 2260 code. */
  code: number;
  nameEn: string;
  /** Residents on 1 November 2010. */
  population2010: number;
  /** Births in the 12 months before the 2010 census per 1000 residents. */
  birthsPer1000Residents2010: number;
  /** Deaths in the 12 months before the 2010 census per 1000 residents. */
  deathsPer1000Residents2010: number;
  /** Persons whose hukou is registered in the province, wherever they live (户籍人口), 2010. */
  registeredPopulation2010: number;
  /**
   * Share of the 2010 residents with non-agricultural hukou (非农业户口人口比重), wherever their hukou
   * is registered, 0-1. Of residents, not of the registered population: the districts of the
   * yearbook show it (Shanghai's Huangpu: 75.9 %, with 132,510 of its 429,891 residents
   * registered in another province; its own registrants are nearly all non-agricultural).
   */
  nonAgriculturalHukouShare2010: number;
  /** Residents on 1 November 2020 whose hukou is registered in another township: of the same county, another county of the province, another province. */
  hukouElsewhere2020: { sameCounty: number; otherCountySameProvince: number; otherProvince: number };
  /** Residents on 1 November 2010 whose hukou is registered in another province (2010 yearbook, 外省). */
  otherProvince2010: number;
  /**
   * Estimated share of the 2020 residents registered in another province who live in rural
   * areas, 0-1: each leaf unit of the county yearbook (county, prefecture without counties,
   * development zone) weighted by its residents registered in another province, at its own
   * rural share (sum of otherProvince * rural / population over the units, over the sum of
   * otherProvince). Ecological: it assumes those residents are as rural as everyone in their
   * county, so it is an upper estimate (migrants live more in towns than natives of the same
   * county). Computed from `data/census/census_county_2020_v1.xlsx` (leiii/census).
   */
  otherProvinceRuralShare2020: number;
  /** 2010 residents by age group (`CENSUS_2020_AGE_GROUPS`) and sex. */
  female2010: readonly number[];
  male2010: readonly number[];
}

/**
 * The census figures of the 31 provinces, in code order.
 *
 * @example
 * CENSUS_PROVINCES.find((p) => p.nameEn === 'Shanghai')?.deathsPer1000Residents2010
 * // => 4.96
 */
export const CENSUS_PROVINCES: readonly CensusProvinceFigures[] = [
    {
      code: 110000,
      nameEn: "Beijing",
      population2010: 19612368,
      birthsPer1000Residents2010: 5.92,
      deathsPer1000Residents2010: 3.94,
      registeredPopulation2010: 12554049,
      nonAgriculturalHukouShare2010: 0.6179,
      hukouElsewhere2020: { sameCounty: 2645576, otherCountySameProvince: 2345582, otherProvince: 8418418 },
      otherProvince2010: 7044533,
      otherProvinceRuralShare2020: 0.1355,
      female2010: [55318, 269769, 234858, 237058, 506210, 1264989, 1155783, 868667, 803776, 772124, 767062, 655890, 607482, 383214, 273343, 268206, 199165, 104854, 43116, 12089, 2559, 406],
      male2010: [60564, 300229, 266411, 263230, 564868, 1368039, 1223231, 955672, 916825, 884231, 861742, 691118, 597114, 368042, 243021, 235799, 187209, 94819, 34359, 8256, 1505, 146],
    },
    {
      code: 120000,
      nameEn: "Tianjin",
      population2010: 12938693,
      birthsPer1000Residents2010: 6.34,
      deathsPer1000Residents2010: 4.14,
      registeredPopulation2010: 9919579,
      nonAgriculturalHukouShare2010: 0.5024000000000001,
      hukouElsewhere2020: { sameCounty: 1394231, otherCountySameProvince: 1550648, otherProvince: 3534816 },
      otherProvince2010: 2991501,
      otherProvinceRuralShare2020: 0.1033,
      female2010: [38325, 177700, 185548, 192064, 377141, 756509, 590103, 454144, 464634, 481947, 513578, 480149, 451996, 290211, 190132, 154677, 120944, 72189, 29720, 7857, 1898, 136],
      male2010: [43546, 201322, 212250, 216813, 424619, 922933, 751611, 581531, 580926, 586050, 583532, 518506, 466531, 292086, 180747, 140939, 110826, 62115, 23072, 5712, 1344, 80],
    },
    {
      code: 130000,
      nameEn: "Hebei",
      population2010: 71854210,
      birthsPer1000Residents2010: 12.31,
      deathsPer1000Residents2010: 6.28,
      registeredPopulation2010: 71910486,
      nonAgriculturalHukouShare2010: 0.2126,
      hukouElsewhere2020: { sameCounty: 9890013, otherCountySameProvince: 6730356, otherProvince: 3155272 },
      otherProvince2010: 1404673,
      otherProvinceRuralShare2020: 0.2668,
      female2010: [409668, 1797166, 1873159, 1532526, 2600237, 3823046, 2969015, 2360627, 2596117, 3112568, 2820149, 2348386, 2385899, 1707663, 1043281, 824740, 636973, 374458, 157558, 41415, 8512, 761],
      male2010: [470526, 2100526, 2168112, 1741355, 2699801, 3769523, 2953742, 2455915, 2640674, 3191301, 2824442, 2446341, 2421123, 1714865, 1045994, 823844, 559163, 282274, 96610, 20257, 3719, 179],
    },
    {
      code: 140000,
      nameEn: "Shanxi",
      population2010: 35712101,
      birthsPer1000Residents2010: 9.73,
      deathsPer1000Residents2010: 5.4,
      registeredPopulation2010: 34728732,
      nonAgriculturalHukouShare2010: 0.3072,
      hukouElsewhere2020: { sameCounty: 6608356, otherCountySameProvince: 4662300, otherProvince: 1620518 },
      otherProvince2010: 931653,
      otherProvinceRuralShare2020: 0.2424,
      female2010: [164436, 701625, 887756, 1157568, 1665685, 1569470, 1323717, 1209985, 1602884, 1546865, 1378988, 1111691, 992266, 688271, 459027, 387208, 293876, 153493, 61145, 14403, 2806, 176],
      male2010: [181346, 775404, 978796, 1259085, 1705179, 1622419, 1388574, 1287390, 1686158, 1657285, 1469270, 1213929, 1056489, 724311, 478457, 396370, 277902, 127575, 42628, 8579, 1563, 51],
    },
    {
      code: 150000,
      nameEn: "Inner Mongolia",
      population2010: 24706291,
      birthsPer1000Residents2010: 8.3,
      deathsPer1000Residents2010: 4.7,
      registeredPopulation2010: 24408230,
      nonAgriculturalHukouShare2010: 0.3797,
      hukouElsewhere2020: { sameCounty: 4777803, otherCountySameProvince: 4998738, otherProvince: 1686420 },
      otherProvince2010: 1444181,
      otherProvinceRuralShare2020: 0.211,
      female2010: [96314, 435121, 521621, 606089, 804925, 1009309, 981363, 926197, 1205577, 1184598, 1065925, 871966, 743945, 479591, 337485, 293566, 183859, 81668, 30429, 6869, 1514, 117],
      male2010: [107837, 479554, 571128, 658767, 859999, 1074514, 1078398, 1041581, 1335067, 1324061, 1173609, 941694, 770719, 488645, 326461, 296727, 188701, 85147, 28776, 5535, 1252, 71],
    },
    {
      code: 210000,
      nameEn: "Liaoning",
      population2010: 43746323,
      birthsPer1000Residents2010: 6.05,
      deathsPer1000Residents2010: 6.43,
      registeredPopulation2010: 42533831,
      nonAgriculturalHukouShare2010: 0.5081,
      hukouElsewhere2020: { sameCounty: 6179523, otherCountySameProvince: 6643290, otherProvince: 2847308 },
      otherProvince2010: 1786530,
      otherProvinceRuralShare2020: 0.1433,
      female2010: [125755, 605129, 773326, 861262, 1218416, 1799427, 1513078, 1608039, 1822353, 2038299, 2101584, 1906380, 1756296, 1129818, 783142, 653566, 475000, 276438, 112760, 30742, 7012, 756],
      male2010: [138487, 669590, 861576, 961852, 1294179, 1865871, 1528615, 1667749, 1897745, 2120659, 2164862, 1936408, 1758634, 1111493, 759576, 607155, 430172, 248861, 96304, 22983, 4548, 426],
    },
    {
      code: 220000,
      nameEn: "Jilin",
      population2010: 27452815,
      birthsPer1000Residents2010: 6.46,
      deathsPer1000Residents2010: 4.94,
      registeredPopulation2010: 27148228,
      nonAgriculturalHukouShare2010: 0.4545,
      hukouElsewhere2020: { sameCounty: 4471973, otherCountySameProvince: 4877239, otherProvince: 1001471 },
      otherProvince2010: 456499,
      otherProvinceRuralShare2020: 0.2248,
      female2010: [83861, 426107, 518509, 531062, 823104, 1251262, 977366, 1064799, 1254810, 1410850, 1285549, 1061660, 1004905, 671528, 431830, 344537, 220731, 118947, 47523, 12845, 3481, 331],
      male2010: [93211, 475837, 575786, 587142, 861243, 1250052, 979216, 1106604, 1302826, 1482282, 1328918, 1088849, 1000457, 653182, 405421, 335655, 208878, 113923, 43770, 10964, 2754, 248],
    },
    {
      code: 230000,
      nameEn: "Heilongjiang",
      population2010: 38313991,
      birthsPer1000Residents2010: 6.5,
      deathsPer1000Residents2010: 5.05,
      registeredPopulation2010: 38237903,
      nonAgriculturalHukouShare2010: 0.494,
      hukouElsewhere2020: { sameCounty: 4984589, otherCountySameProvince: 5735819, otherProvince: 829176 },
      otherProvince2010: 506397,
      otherProvinceRuralShare2020: 0.1836,
      female2010: [117104, 537180, 714639, 814674, 1107182, 1655243, 1396146, 1498008, 1919028, 1938905, 1795568, 1493621, 1351239, 927440, 601077, 498540, 295376, 148500, 57211, 16185, 4725, 294],
      male2010: [131574, 593885, 782597, 882788, 1150699, 1670054, 1420146, 1563415, 2019732, 2053208, 1860562, 1527085, 1327094, 891861, 553702, 477163, 298518, 152277, 52917, 12971, 3664, 194],
    },
    {
      code: 310000,
      nameEn: "Shanghai",
      population2010: 23019196,
      birthsPer1000Residents2010: 5.58,
      deathsPer1000Residents2010: 4.96,
      registeredPopulation2010: 14185160,
      nonAgriculturalHukouShare2010: 0.6189,
      hukouElsewhere2020: { sameCounty: 2407413, otherCountySameProvince: 2247193, otherProvince: 10479652 },
      otherProvince2010: 8977000,
      otherProvinceRuralShare2020: 0.1164,
      female2010: [60755, 309949, 292351, 262495, 545496, 1280697, 1251559, 1014263, 895519, 876689, 843942, 870085, 850526, 551082, 326626, 271414, 306217, 204429, 107596, 34816, 7041, 733],
      male2010: [67467, 355124, 340432, 294286, 575676, 1339673, 1319622, 1113853, 1025778, 1001047, 956736, 932637, 872884, 587260, 338727, 251633, 248892, 147101, 65346, 17479, 3068, 195],
    },
    {
      code: 320000,
      nameEn: "Jiangsu",
      population2010: 78660941,
      birthsPer1000Residents2010: 8.72,
      deathsPer1000Residents2010: 6.23,
      registeredPopulation2010: 74963132,
      nonAgriculturalHukouShare2010: 0.3347,
      hukouElsewhere2020: { sameCounty: 9497224, otherCountySameProvince: 10174114, otherProvince: 10308610 },
      otherProvince2010: 7379253,
      otherProvinceRuralShare2020: 0.1912,
      female2010: [316347, 1410923, 1452806, 1465559, 2702916, 3895712, 2849435, 2774319, 3219523, 4042005, 3269253, 2428126, 2686617, 1977846, 1423744, 1152797, 936196, 607129, 306313, 95570, 19399, 1699],
      male2010: [367638, 1712346, 1754767, 1753098, 2939819, 3887759, 2782481, 2755438, 3185636, 3924609, 3255929, 2510290, 2742953, 2038145, 1454528, 1119522, 794443, 428578, 170336, 40532, 7406, 454],
    },
    {
      code: 330000,
      nameEn: "Zhejiang",
      population2010: 54426891,
      birthsPer1000Residents2010: 8.17,
      deathsPer1000Residents2010: 5.46,
      registeredPopulation2010: 47331520,
      nonAgriculturalHukouShare2010: 0.2502,
      hukouElsewhere2020: { sameCounty: 8144363, otherCountySameProvince: 5776998, otherProvince: 16186454 },
      otherProvince2010: 11823977,
      otherProvinceRuralShare2020: 0.2411,
      female2010: [203225, 925880, 1112854, 1116944, 1725861, 2417352, 2187550, 2163217, 2519948, 2681530, 2297441, 1680581, 1636497, 1211891, 735862, 640909, 596808, 368163, 178114, 50634, 9106, 883],
      male2010: [240036, 1065018, 1264707, 1260411, 1865826, 2533298, 2279194, 2296739, 2652552, 2793988, 2428602, 1817064, 1701943, 1265067, 784795, 679934, 570340, 311543, 122710, 27374, 4192, 308],
    },
    {
      code: 340000,
      nameEn: "Anhui",
      population2010: 59500468,
      birthsPer1000Residents2010: 12.67,
      deathsPer1000Residents2010: 5.93,
      registeredPopulation2010: 68620208,
      nonAgriculturalHukouShare2010: 0.2502,
      hukouElsewhere2020: { sameCounty: 8752125, otherCountySameProvince: 7797284, otherProvince: 1550509 },
      otherProvince2010: 717463,
      otherProvinceRuralShare2020: 0.2779,
      female2010: [327250, 1301414, 1481405, 1613691, 2275383, 2558334, 1881739, 2017816, 2678457, 3150647, 2465498, 1233594, 1795281, 1371101, 1057363, 781920, 621380, 388671, 188260, 52222, 11868, 1661],
      male2010: [421009, 1643659, 1844189, 1943519, 2468849, 2353868, 1738599, 1989930, 2672730, 3078803, 2462328, 1324934, 1846009, 1475884, 1150478, 825287, 573513, 296820, 109030, 21494, 4246, 335],
    },
    {
      code: 350000,
      nameEn: "Fujian",
      population2010: 36894217,
      birthsPer1000Residents2010: 10.91,
      deathsPer1000Residents2010: 5.01,
      registeredPopulation2010: 35371581,
      nonAgriculturalHukouShare2010: 0.2214,
      hukouElsewhere2020: { sameCounty: 5470570, otherCountySameProvince: 6104165, otherProvince: 4889876 },
      otherProvince2010: 4313602,
      otherProvinceRuralShare2020: 0.2265,
      female2010: [177481, 769402, 848656, 780844, 1331286, 1955717, 1637965, 1488709, 1756409, 1675021, 1361230, 1028876, 964733, 622435, 435730, 394784, 321176, 216773, 103372, 33767, 7960, 837],
      male2010: [222995, 957385, 1008140, 940795, 1485493, 1962823, 1661969, 1559374, 1847755, 1751557, 1419803, 1097620, 989791, 677823, 475129, 400388, 282423, 162540, 59577, 14709, 2744, 221],
    },
    {
      code: 360000,
      nameEn: "Jiangxi",
      population2010: 44567797,
      birthsPer1000Residents2010: 13.07,
      deathsPer1000Residents2010: 5.25,
      registeredPopulation2010: 47134135,
      nonAgriculturalHukouShare2010: 0.2664,
      hukouElsewhere2020: { sameCounty: 8146687, otherCountySameProvince: 4095233, otherProvince: 1279014 },
      otherProvince2010: 599942,
      otherProvinceRuralShare2020: 0.281,
      female2010: [259629, 1244510, 1396937, 1349216, 1591762, 2033252, 1566032, 1813400, 1997611, 1867698, 1508986, 1214952, 1130000, 832669, 561531, 499742, 355101, 207453, 99025, 28119, 6214, 437],
      male2010: [319203, 1639432, 1835120, 1718186, 1834229, 1992465, 1466019, 1779553, 2032118, 1913047, 1540906, 1256966, 1167310, 878288, 582238, 490625, 314505, 163313, 62894, 13840, 3102, 162],
    },
    {
      code: 370000,
      nameEn: "Shandong",
      population2010: 95792719,
      birthsPer1000Residents2010: 10.27,
      deathsPer1000Residents2010: 6.28,
      registeredPopulation2010: 95479481,
      nonAgriculturalHukouShare2010: 0.2343,
      hukouElsewhere2020: { sameCounty: 13924684, otherCountySameProvince: 9973071, otherProvince: 4129007 },
      otherProvince2010: 2115593,
      otherProvinceRuralShare2020: 0.2431,
      female2010: [446829, 1950059, 2295369, 2233260, 2607455, 4707915, 3472781, 3225215, 3908557, 4643078, 4066144, 3089745, 3301304, 2355949, 1580276, 1272883, 1069546, 682692, 314273, 99021, 21358, 2066],
      male2010: [533599, 2404250, 2672557, 2538286, 2854002, 4777476, 3464999, 3276452, 4003096, 4683874, 4008907, 3163552, 3333497, 2344826, 1566196, 1223554, 895661, 476302, 174092, 43107, 8026, 633],
    },
    {
      code: 410000,
      nameEn: "Henan",
      population2010: 94029939,
      birthsPer1000Residents2010: 11.13,
      deathsPer1000Residents2010: 5.43,
      registeredPopulation2010: 104281397,
      nonAgriculturalHukouShare2010: 0.1986,
      hukouElsewhere2020: { sameCounty: 13947671, otherCountySameProvince: 10418288, otherProvince: 1273646 },
      otherProvince2010: 592134,
      otherProvinceRuralShare2020: 0.2739,
      female2010: [479341, 2676111, 2824983, 2745887, 3557275, 4969862, 3190593, 3049368, 3690365, 4244661, 3530217, 2484380, 2856671, 2038917, 1410591, 1070253, 858348, 510030, 248065, 78761, 19930, 2267],
      male2010: [564511, 3387106, 3655027, 3414352, 3861615, 4641380, 2934786, 2948021, 3683925, 4087217, 3329233, 2431122, 2823720, 2069949, 1392429, 1021455, 714570, 363668, 131034, 30531, 6738, 674],
    },
    {
      code: 420000,
      nameEn: "Hubei",
      population2010: 57237727,
      birthsPer1000Residents2010: 10.37,
      deathsPer1000Residents2010: 5.39,
      registeredPopulation2010: 61759716,
      nonAgriculturalHukouShare2010: 0.31,
      hukouElsewhere2020: { sameCounty: 8353749, otherCountySameProvince: 7873198, otherProvince: 2249614 },
      otherProvince2010: 1013612,
      otherProvinceRuralShare2020: 0.2113,
      female2010: [263627, 1069648, 1099219, 1115999, 2246474, 2789862, 2035461, 1941852, 2392046, 2753667, 2497632, 1805725, 1806642, 1343797, 941145, 717804, 550248, 290166, 139688, 35940, 9209, 629],
      male2010: [327178, 1319597, 1361844, 1406696, 2560263, 2794304, 1984503, 1976252, 2465831, 2862689, 2610967, 1893401, 1882390, 1428267, 982209, 710557, 493262, 226131, 83013, 17122, 4574, 197],
    },
    {
      code: 430000,
      nameEn: "Hunan",
      population2010: 65700762,
      birthsPer1000Residents2010: 12.16,
      deathsPer1000Residents2010: 5.77,
      registeredPopulation2010: 70780713,
      nonAgriculturalHukouShare2010: 0.23440000000000003,
      hukouElsewhere2020: { sameCounty: 8710949, otherCountySameProvince: 7287335, otherProvince: 1577563 },
      otherProvince2010: 724982,
      otherProvinceRuralShare2020: 0.2217,
      female2010: [356338, 1536994, 1759682, 1585959, 2008424, 3116986, 2418837, 2150879, 2753701, 3130599, 2618284, 1757774, 1981327, 1505322, 1005092, 919194, 675356, 399139, 180273, 50592, 12342, 1209],
      male2010: [439116, 1853393, 2165639, 1879394, 2175503, 3031499, 2321047, 2178922, 2944331, 3272744, 2732405, 1892152, 2082980, 1631170, 1099436, 960089, 631505, 331161, 119866, 27252, 6467, 388],
    },
    {
      code: 440000,
      nameEn: "Guangdong",
      population2010: 104320459,
      birthsPer1000Residents2010: 10.41,
      deathsPer1000Residents2010: 4.26,
      registeredPopulation2010: 85024973,
      nonAgriculturalHukouShare2010: 0.2877,
      hukouElsewhere2020: { sameCounty: 9842695, otherCountySameProvince: 21170281, otherProvince: 29622110 },
      otherProvince2010: 21497787,
      otherProvinceRuralShare2020: 0.1,
      female2010: [490580, 2038720, 2290220, 3082563, 4796157, 5977681, 5085715, 4232819, 4574349, 4276457, 3359715, 2344818, 2152951, 1467327, 1056688, 959111, 810684, 522375, 269301, 98646, 29610, 3434],
      male2010: [590546, 2504890, 2876896, 3729615, 5193402, 6297809, 5535552, 4702015, 4958950, 4588317, 3687090, 2553947, 2246294, 1598914, 1111111, 951903, 682950, 380639, 152671, 43680, 12481, 866],
    },
    {
      code: 450000,
      nameEn: "Guangxi",
      population2010: 46023761,
      birthsPer1000Residents2010: 15.61,
      deathsPer1000Residents2010: 5.48,
      registeredPopulation2010: 51591711,
      nonAgriculturalHukouShare2010: 0.19030000000000002,
      hukouElsewhere2020: { sameCounty: 5746470, otherCountySameProvince: 6132927, otherProvince: 1359384 },
      otherProvince2010: 841806,
      otherProvinceRuralShare2020: 0.2985,
      female2010: [320086, 1276397, 1526315, 1444211, 1603433, 1866082, 1781744, 1680573, 1768846, 1795901, 1571732, 1152454, 1173690, 868262, 707864, 601862, 467080, 281837, 137346, 54341, 16632, 2369],
      male2010: [392805, 1531191, 1791975, 1707841, 1825863, 1987801, 1875290, 1800487, 1947361, 1997311, 1718836, 1224675, 1224627, 915051, 698327, 569394, 392390, 208789, 81769, 25432, 6881, 608],
    },
    {
      code: 460000,
      nameEn: "Hainan",
      population2010: 8671485,
      birthsPer1000Residents2010: 14.09,
      deathsPer1000Residents2010: 4.03,
      registeredPopulation2010: 8485905,
      nonAgriculturalHukouShare2010: 0.3496,
      hukouElsewhere2020: { sameCounty: 1006606, otherCountySameProvince: 1403412, otherProvince: 1088143 },
      otherProvince2010: 588463,
      otherProvinceRuralShare2020: 0.3327,
      female2010: [53650, 214886, 234899, 249903, 367340, 391820, 373152, 319089, 328193, 339296, 307236, 204837, 188181, 132367, 96522, 103951, 80258, 52589, 26487, 10357, 3282, 907],
      male2010: [67323, 268681, 300832, 325169, 415119, 415337, 399870, 356762, 375556, 391670, 358251, 235387, 206800, 150197, 96884, 98021, 71080, 38077, 15235, 4531, 1246, 255],
    },
    {
      code: 500000,
      nameEn: "Chongqing",
      population2010: 28846170,
      birthsPer1000Residents2010: 9.14,
      deathsPer1000Residents2010: 6.43,
      registeredPopulation2010: 33149845,
      nonAgriculturalHukouShare2010: 0.34590000000000004,
      hukouElsewhere2020: { sameCounty: 6309328, otherCountySameProvince: 4593532, otherProvince: 2193575 },
      otherProvince2010: 945194,
      otherProvinceRuralShare2020: 0.1791,
      female2010: [123584, 613534, 717683, 848930, 1106876, 1090894, 801310, 747491, 1428797, 1353179, 1094838, 738304, 1086263, 789564, 605353, 444290, 324729, 200959, 86294, 27369, 6431, 628],
      male2010: [138977, 690596, 822225, 947831, 1138466, 1058172, 764663, 708598, 1423486, 1372752, 1106618, 794808, 1102901, 853362, 661826, 466956, 304833, 170557, 61723, 15998, 3324, 198],
    },
    {
      code: 510000,
      nameEn: "Sichuan",
      population2010: 80417528,
      birthsPer1000Residents2010: 9.24,
      deathsPer1000Residents2010: 6.62,
      registeredPopulation2010: 89980794,
      nonAgriculturalHukouShare2010: 0.2681,
      hukouElsewhere2020: { sameCounty: 11693450, otherCountySameProvince: 13539713, otherProvince: 2590041 },
      otherProvince2010: 1128573,
      otherProvinceRuralShare2020: 0.2716,
      female2010: [350113, 1676679, 2015669, 2408831, 3038604, 3192105, 2275321, 2452787, 4005319, 3849063, 2919958, 2008389, 2859267, 2083354, 1601256, 1186301, 817191, 517491, 233895, 76294, 19496, 2311],
      male2010: [390791, 1859472, 2261957, 2683611, 3174578, 3167922, 2238807, 2421335, 4072193, 3970327, 3014140, 2134376, 2866005, 2221048, 1693975, 1222331, 771359, 444732, 165577, 42464, 9918, 916],
    },
    {
      code: 520000,
      nameEn: "Guizhou",
      population2010: 34748556,
      birthsPer1000Residents2010: 13.9,
      deathsPer1000Residents2010: 6.08,
      registeredPopulation2010: 41600385,
      nonAgriculturalHukouShare2010: 0.1881,
      hukouElsewhere2020: { sameCounty: 5672166, otherCountySameProvince: 4876051, otherProvince: 1146546 },
      otherProvince2010: 763294,
      otherProvinceRuralShare2020: 0.334,
      female2010: [213641, 875588, 1262876, 1705182, 1353794, 1226418, 1026979, 1177065, 1484198, 1430172, 1126133, 776522, 904704, 710072, 567470, 464563, 297360, 158349, 58655, 18075, 4679, 590],
      male2010: [261641, 1088329, 1482935, 1888050, 1474002, 1200046, 1032802, 1226542, 1611623, 1541384, 1191817, 811287, 913554, 725019, 563949, 442553, 266704, 131035, 39397, 10090, 2471, 241],
    },
    {
      code: 530000,
      nameEn: "Yunnan",
      population2010: 45966766,
      birthsPer1000Residents2010: 12.3,
      deathsPer1000Residents2010: 6.36,
      registeredPopulation2010: 45631063,
      nonAgriculturalHukouShare2010: 0.16449999999999998,
      hukouElsewhere2020: { sameCounty: 4466572, otherCountySameProvince: 5512348, otherProvince: 2230394 },
      otherProvince2010: 1236549,
      otherProvinceRuralShare2020: 0.2866,
      female2010: [262803, 1109993, 1473899, 1639886, 1769038, 1989427, 1701572, 1857480, 2051832, 1925648, 1605419, 1037921, 1061426, 781783, 623517, 515025, 369452, 215308, 87340, 24747, 5986, 568],
      male2010: [294144, 1250950, 1659678, 1835439, 1924103, 2094298, 1871027, 2074103, 2328062, 2142791, 1739981, 1095569, 1084950, 798070, 609900, 489016, 324807, 168222, 55051, 13073, 3253, 209],
    },
    {
      code: 540000,
      nameEn: "Tibet (Xizang)",
      population2010: 3002165,
      birthsPer1000Residents2010: 15.28,
      deathsPer1000Residents2010: 5.32,
      registeredPopulation2010: 2893906,
      nonAgriculturalHukouShare2010: 0.1477,
      hukouElsewhere2020: { sameCounty: 253054, otherCountySameProvince: 370957, otherProvince: 407121 },
      otherProvince2010: 165423,
      otherProvinceRuralShare2020: 0.3751,
      female2010: [21922, 98143, 116567, 121499, 129489, 154631, 148833, 119902, 117755, 109077, 89917, 59219, 46629, 40010, 32393, 23848, 15435, 9237, 3714, 970, 302, 21],
      male2010: [23346, 102886, 121415, 125906, 141186, 172999, 161381, 132424, 130917, 118900, 97943, 61715, 47199, 37447, 28057, 19220, 11049, 5744, 2113, 547, 241, 17],
    },
    {
      code: 610000,
      nameEn: "Shaanxi",
      population2010: 37327379,
      birthsPer1000Residents2010: 8.99,
      deathsPer1000Residents2010: 5.38,
      registeredPopulation2010: 38402747,
      nonAgriculturalHukouShare2010: 0.2618,
      hukouElsewhere2020: { sameCounty: 5970286, otherCountySameProvince: 5363097, otherProvince: 1933712 },
      otherProvince2010: 974362,
      otherProvinceRuralShare2020: 0.1778,
      female2010: [155455, 677836, 761887, 912633, 1578703, 1930416, 1383238, 1236482, 1601786, 1637177, 1427598, 1200606, 1116459, 793161, 612302, 481810, 306089, 141185, 63487, 17186, 4079, 229],
      male2010: [179263, 793674, 907840, 1100807, 1752574, 2011071, 1443775, 1306244, 1691341, 1752844, 1529697, 1287971, 1153183, 819821, 607488, 464072, 290914, 131397, 49727, 11074, 2687, 111],
    },
    {
      code: 620000,
      nameEn: "Gansu",
      population2010: 25575263,
      birthsPer1000Residents2010: 10.92,
      deathsPer1000Residents2010: 5.39,
      registeredPopulation2010: 27167312,
      nonAgriculturalHukouShare2010: 0.2535,
      hukouElsewhere2020: { sameCounty: 3864201, otherCountySameProvince: 2722616, otherProvince: 765648 },
      otherProvince2010: 432833,
      otherProvinceRuralShare2020: 0.2823,
      female2010: [127309, 509976, 672572, 850649, 1182427, 1175949, 850420, 788762, 1181327, 1314719, 997872, 603969, 664516, 533621, 424286, 323327, 194807, 73788, 30952, 7768, 1919, 135],
      male2010: [149668, 602691, 773015, 958255, 1253158, 1142615, 835598, 810650, 1203659, 1348508, 1042022, 659318, 694781, 541662, 431452, 325137, 188730, 70650, 25455, 5586, 1525, 58],
    },
    {
      code: 630000,
      nameEn: "Qinghai",
      population2010: 5626723,
      birthsPer1000Residents2010: 12.9,
      deathsPer1000Residents2010: 5.4,
      registeredPopulation2010: 5521265,
      nonAgriculturalHukouShare2010: 0.2808,
      hukouElsewhere2020: { sameCounty: 831098, otherCountySameProvince: 822258, otherProvince: 417304 },
      otherProvince2010: 318435,
      otherProvinceRuralShare2020: 0.1729,
      female2010: [33753, 142410, 186519, 204931, 237295, 235948, 206741, 234276, 267117, 263320, 199004, 114055, 113877, 89784, 75055, 55678, 32763, 13786, 5122, 1184, 260, 52],
      male2010: [37911, 154744, 199588, 217250, 251790, 251152, 220178, 254853, 301903, 295724, 223728, 127841, 118916, 87431, 69039, 53509, 31124, 12400, 3756, 745, 179, 32],
    },
    {
      code: 640000,
      nameEn: "Ningxia",
      population2010: 6301350,
      birthsPer1000Residents2010: 12.09,
      deathsPer1000Residents2010: 5.07,
      registeredPopulation2010: 6323117,
      nonAgriculturalHukouShare2010: 0.3649,
      hukouElsewhere2020: { sameCounty: 1484809, otherCountySameProvince: 1202742, otherProvince: 675119 },
      otherProvince2010: 368451,
      otherProvinceRuralShare2020: 0.2287,
      female2010: [35215, 160617, 208734, 236785, 272051, 274824, 248266, 263837, 286467, 280997, 213887, 141479, 145142, 103756, 81702, 61360, 35797, 15212, 5773, 1555, 434, 56],
      male2010: [40062, 181134, 231455, 254028, 280086, 276639, 252813, 275407, 305743, 295336, 231469, 151258, 148324, 102752, 78250, 61392, 36997, 16665, 5804, 1413, 357, 20],
    },
    {
      code: 650000,
      nameEn: "Xinjiang",
      population2010: 21815815,
      birthsPer1000Residents2010: 14.85,
      deathsPer1000Residents2010: 4.14,
      registeredPopulation2010: 20255650,
      nonAgriculturalHukouShare2010: 0.4006,
      hukouElsewhere2020: { sameCounty: 3034504, otherCountySameProvince: 2441830, otherProvince: 3390712 },
      otherProvince2010: 1791642,
      otherProvinceRuralShare2020: 0.2562,
      female2010: [155521, 605343, 675366, 733025, 853845, 1042806, 895000, 876314, 1057554, 1018529, 717796, 483783, 412805, 351050, 283126, 201078, 105329, 48388, 19311, 7096, 2219, 384],
      male2010: [164879, 638472, 715776, 773420, 898641, 1074762, 928530, 918011, 1146605, 1124162, 822073, 541414, 433766, 342488, 278669, 243253, 125439, 64447, 25198, 7542, 2241, 359],
    },
];
