/**
 * Urban and rural population of China 1950-2050, UN World Urbanization Prospects 2018.
 *
 * Source: United Nations, Department of Economic and Social Affairs, Population Division (2018).
 * World Urbanization Prospects: The 2018 Revision (Files 19, 20 and 21).
 * Repository: GitHub owid/owid-datasets, commit 48c9992ae317b35ed327fc36d2af75fe8b3ef7ed.
 * Paths: datasets/Urban and rural population 1950-2050 - UN World Urbanization Prospects 2018/
 * (added in 9df0a2280a4b083031a6eeedf59687a96c1f1022; urban and rural counts, stored in persons as
 * float32, here divided by 1000 and rounded to whole thousands, the precision of the UN file) and
 * datasets/Urbanization in the long run - OWID based on the UN World Urbanization Prospects 2018 and
 * others/ (added in 2e1f532fb3afd4154fe7adb0f4fc877460dd22f3; its 1950-2050 percentage column is
 * WUP 2018 File 21, 3 decimals, float noise rounded away).
 * Licence: the UN WUP 2018 data are CC BY 3.0 IGO; the OWID repository states no separate licence.
 *
 * Values are mid-year. WUP 2018 is based on WPP 2017; years after 2018 are projections (the 2020
 * census measured 63.89 % urban against 61.428 % here). `total = urban + rural`.
 */

import type { DataSource } from './types.js';

/** Annual urbanisation series: entry `i` of each array is for year `firstYear + i`. */
export interface UrbanisationSeed {
  source: DataSource;
  firstYear: number;
  /** Urban share of the mid-year population, per cent. */
  percentUrban: readonly number[];
  /** Mid-year urban population, thousands. */
  urbanThousands: readonly number[];
  /** Mid-year rural population, thousands. */
  ruralThousands: readonly number[];
  /** Urban + rural, thousands. */
  totalThousands: readonly number[];
}

export const WUP2018_CHINA_URBAN_SOURCE: DataSource = {
  citation: 'United Nations, Department of Economic and Social Affairs, Population Division (2018). World Urbanization Prospects: The 2018 Revision',
  repository: 'owid/owid-datasets',
  path: 'datasets/Urban and rural population 1950-2050 - UN World Urbanization Prospects 2018/; datasets/Urbanization in the long run - OWID based on the UN World Urbanization Prospects 2018 and others/',
  commit: '48c9992ae317b35ed327fc36d2af75fe8b3ef7ed',
  notes: 'Mid-year; years after 2018 are projections based on WPP 2017. Counts rounded to thousands. Licence CC BY 3.0 IGO.',
};

/** Urban share and urban and rural population of China (UN WUP 2018), mid-year. */
export const WUP2018_CHINA_URBAN: UrbanisationSeed = {
  source: WUP2018_CHINA_URBAN_SOURCE,
  firstYear: 1950,
  percentUrban: [11.803, 12.191, 12.591, 13.001, 13.423, 13.856, 14.302, 14.758, 15.227, 15.708, 16.203, 16.708, 17.226, 17.757, 18.299, 18.086, 17.915, 17.785, 17.656, 17.528, 17.4, 17.292, 17.184, 17.184, 17.292, 17.4, 17.46, 17.52, 17.9, 18.617, 19.358, 20.118, 20.902, 21.545, 22.203, 22.874, 23.559, 24.259, 24.974, 25.701, 26.442, 27.312, 28.2, 29.103, 30.024, 30.961, 31.916, 32.883, 33.867, 34.865, 35.877, 37.093, 38.425, 39.776, 41.144, 42.522, 43.868, 45.199, 46.539, 47.88, 49.226, 50.511, 51.765, 53.013, 54.259, 55.5, 56.736, 57.96, 59.152, 60.308, 61.428, 62.512, 63.56, 64.57, 65.544, 66.481, 67.382, 68.246, 69.074, 69.867, 70.626, 71.35, 72.041, 72.698, 73.324, 73.918, 74.481, 75.014, 75.517, 75.991, 76.436, 76.854, 77.243, 77.605, 77.964, 78.318, 78.668, 79.015, 79.356, 79.694, 80.028],
  urbanThousands: [65437, 69442, 73284, 77041, 80803, 84640, 88616, 92764, 97128, 101721, 106562, 111663, 117091, 122928, 129278, 130685, 132704, 135304, 138070, 140848, 143513, 146198, 148757, 152100, 156249, 160244, 163603, 166776, 172918, 182426, 192392, 202793, 213669, 223447, 233845, 244946, 256880, 269603, 282922, 296474, 310022, 324786, 339527, 354218, 368990, 383902, 398945, 414025, 429245, 444667, 460377, 478842, 499010, 519610, 540636, 561983, 583095, 604220, 625675, 647370, 669354, 690724, 711867, 733059, 754263, 775353, 796289, 816958, 837022, 856409, 875076, 892977, 910081, 926376, 941866, 956554, 970433, 983495, 995745, 1007192, 1017847, 1027721, 1036821, 1045162, 1052756, 1059619, 1065763, 1071203, 1075955, 1080037, 1083464, 1086249, 1088401, 1089914, 1091132, 1092037, 1092633, 1092922, 1092906, 1092581, 1091948],
  ruralThousands: [488983, 500169, 508745, 515527, 521168, 526195, 530982, 535787, 540725, 545835, 551124, 556672, 562642, 569352, 577183, 591878, 608041, 625467, 643939, 662729, 681275, 699284, 716930, 733046, 747365, 760701, 773416, 785151, 793122, 797455, 801485, 805207, 808585, 813677, 819365, 825917, 833468, 841739, 849944, 857092, 862423, 864398, 864477, 862911, 860001, 856038, 851037, 845042, 838196, 830739, 822822, 812096, 799636, 786734, 773372, 759640, 746114, 732581, 718741, 704699, 690402, 676756, 663332, 649734, 635848, 621676, 607211, 592560, 578024, 563653, 549472, 535503, 521769, 508300, 495129, 482282, 469772, 457611, 445811, 434382, 423334, 412671, 402394, 392505, 383005, 373890, 365160, 356809, 348836, 341237, 334009, 327147, 320651, 314521, 308406, 302324, 296277, 290270, 284304, 278383, 272509],
  totalThousands: [554420, 569611, 582029, 592568, 601971, 610835, 619598, 628551, 637853, 647556, 657686, 668335, 679733, 692280, 706461, 722563, 740745, 760771, 782009, 803577, 824788, 845482, 865687, 885146, 903614, 920945, 937019, 951927, 966040, 979881, 993877, 1008000, 1022254, 1037124, 1053210, 1070863, 1090348, 1111342, 1132866, 1153566, 1172445, 1189184, 1204004, 1217129, 1228991, 1239940, 1249982, 1259067, 1267441, 1275406, 1283199, 1290938, 1298646, 1306344, 1314008, 1321623, 1329209, 1336801, 1344416, 1352069, 1359756, 1367480, 1375199, 1382793, 1390111, 1397029, 1403500, 1409518, 1415046, 1420062, 1424548, 1428480, 1431850, 1434676, 1436995, 1438836, 1440205, 1441106, 1441556, 1441574, 1441181, 1440392, 1439215, 1437667, 1435761, 1433509, 1430923, 1428012, 1424791, 1421274, 1417473, 1413396, 1409052, 1404435, 1399538, 1394361, 1388910, 1383192, 1377210, 1370964, 1364457],
};
