// The aggregates file of warm-up.js's store: what the query of `basketlift sql --dialect duckdb`
// computes over its four tables (text columns), rows sorted. A new engine reads and analyses it
// after that store, so that an aggregates file given later runs in optimised code too.
// Written by tests/warehouse/warm_up_aggregates.test.mjs (BASKETLIFT_UPDATE_GOLDEN=1), which
// fails when it no longer matches the query, the format or the store.
export const warmUpAggregates = `basketlift_aggregates,version,scope,key,measure,value
arm,5,all,control,arm_sums,1230;745;745;588654.5;624183571.25;217994.03;87466741.8345;745;588654.5;745;624183571.25;745;588654.5;1193;470;3649;672;13469;1652
arm,5,all,treatment,arm_sums,1270;755;755;595233;627392677;221936.71;86860152.6579;755;595233;755;627392677;755;595233;1226;456;3785;682;14191;1672
arm,5,channel:app,control,arm_sums,390;241;241;183023.5;188561686.25;67973.65;26273228.8473;241;183023.5;241;188561686.25;241;183023.5;383;170;1171;250;4293;613
arm,5,channel:app,treatment,arm_sums,443;276;276;216843;227978582.5;80736.45;31534539.2285;276;216843;276;227978582.5;276;216843;428;158;1329;236;4965;565
arm,5,channel:email,control,arm_sums,440;271;271;225154.5;248919240.75;83265.59;35244049.6317;271;225154.5;271;248919240.75;271;225154.5;423;154;1311;218;4947;560
arm,5,channel:email,treatment,arm_sums,412;238;238;180519.5;179515525.25;66943.65;24368738.8003;238;180519.5;238;179515525.25;238;180519.5;398;136;1209;198;4453;514
arm,5,channel:web,control,arm_sums,400;233;233;180476.5;186702644.25;66754.79;25949463.3555;233;180476.5;233;186702644.25;233;180476.5;387;146;1167;204;4229;479
arm,5,channel:web,treatment,arm_sums,415;241;241;197870.5;219898569.25;74256.61;30956874.6291;241;197870.5;241;219898569.25;241;197870.5;400;162;1247;248;4773;593
arm,5,placement:cart,control,arm_sums,835;499;499;409438.5;442541479.25;150416.62;60824300.7368;499;409438.5;499;442541479.25;499;409438.5;835;362;2834;526;11212;1361
arm,5,placement:cart,treatment,arm_sums,857;510;510;409388;439208753.5;151320.93;59813354.4081;510;409388;510;439208753.5;510;409388;857;346;2941;540;11775;1358
arm,5,placement:checkout,control,arm_sums,824;500;500;399031;430346823;149026.81;61157679.6337;500;399031;500;430346823;500;399031;824;354;2836;524;11316;1377
arm,5,placement:checkout,treatment,arm_sums,878;512;512;407563.5;435032360.75;151876.58;60058427.5214;512;407563.5;512;435032360.75;512;407563.5;878;357;3049;541;12313;1390
arm,5,placement:product,control,arm_sums,860;511;511;426140;472910898;157745.43;66295984.4523;511;426140;511;472910898;511;426140;860;361;2927;525;11579;1366
arm,5,placement:product,treatment,arm_sums,871;540;540;435889;466537243.5;162234.07;64458326.6121;540;435889;540;466537243.5;540;435889;871;376;2998;590;12070;1460
arm,5,segment:new,control,arm_sums,589;359;359;295307.5;325471923.75;110200.16;46196105.1292;359;295307.5;359;325471923.75;359;295307.5;565;223;1756;321;6572;811
arm,5,segment:new,treatment,arm_sums,642;385;385;296184.5;305851867.75;111905.47;43700951.7669;385;296184.5;385;305851867.75;385;296184.5;620;237;1907;343;7131;840
arm,5,segment:returning,control,arm_sums,641;386;386;293347;298711647.5;107793.87;41270636.7053;386;293347;386;298711647.5;386;293347;628;247;1893;351;6897;841
arm,5,segment:returning,treatment,arm_sums,628;370;370;299048.5;321540809.25;110031.24;43159200.891;370;299048.5;370;321540809.25;370;299048.5;606;219;1878;339;7060;832
arm_total,5,"",control,accepted,470
arm_total,5,"",control,converted,745
arm_total,5,"",control,impressions,3649
arm_total,5,"",control,margin,217994.03000000000000000000
arm_total,5,"",control,orders,745
arm_total,5,"",control,revenue,588654.500000000000
arm_total,5,"",control,units,1230
arm_total,5,"",treatment,accepted,456
arm_total,5,"",treatment,converted,755
arm_total,5,"",treatment,impressions,3785
arm_total,5,"",treatment,margin,221936.71000000000000000000
arm_total,5,"",treatment,orders,755
arm_total,5,"",treatment,revenue,595233.000000000000
arm_total,5,"",treatment,units,1270
basket,5,categories,"",basket_sums,1500;1500;0;10;35;35
basket,5,channel:app,"",basket_sums,517;517;0;10;60;54
basket,5,channel:email,"",basket_sums,509;509;0;10;60;49
basket,5,channel:web,"",basket_sums,474;474;0;10;60;48
basket,5,organic,"",baskets,1500
basket,5,products,"",basket_sums,1500;1500;0;10;60;60
basket,5,segment:new,"",basket_sums,744;744;0;10;60;59
basket,5,segment:returning,"",basket_sums,756;756;0;10;60;60
basket_item,5,categories,Group 0/Kind 1,baskets,141
basket_item,5,categories,Group 0/Kind 5,baskets,80
basket_item,5,categories,Group 0/Kind 6,baskets,147
basket_item,5,categories,Group 1/Kind 0,baskets,139
basket_item,5,categories,Group 1/Kind 1,baskets,69
basket_item,5,categories,Group 1/Kind 2,baskets,151
basket_item,5,categories,Group 2/Kind 0,baskets,81
basket_item,5,categories,Group 2/Kind 1,baskets,144
basket_item,5,categories,Group 2/Kind 3,baskets,141
basket_item,5,categories,Group 2/Kind 5,baskets,175
basket_item,5,categories,Group 3/Kind 2,baskets,150
basket_item,5,categories,Group 3/Kind 3,baskets,89
basket_item,5,categories,Group 3/Kind 4,baskets,151
basket_item,5,categories,Group 3/Kind 6,baskets,138
basket_item,5,categories,Group 4/Kind 0,baskets,144
basket_item,5,categories,Group 4/Kind 2,baskets,74
basket_item,5,categories,Group 4/Kind 5,baskets,154
basket_item,5,organic,P000,baskets,40
basket_item,5,organic,P003,baskets,49
basket_item,5,organic,P006,baskets,36
basket_item,5,organic,P009,baskets,43
basket_item,5,organic,P012,baskets,47
basket_item,5,organic,P015,baskets,35
basket_item,5,organic,P018,baskets,39
basket_item,5,organic,P021,baskets,31
basket_item,5,products,P012,baskets,133
basket_item,5,products,P013,baskets,110
basket_item,5,products,P014,baskets,112
basket_item,5,products,P016,baskets,113
basket_item,5,products,P017,baskets,112
basket_item,5,products,P018,baskets,123
basket_item,5,products,P019,baskets,110
basket_item,5,products,P020,baskets,117
basket_item,5,products,P023,baskets,115
basket_pair,5,categories,Group 0/Kind 1,with:Group 1/Kind 2,10
basket_pair,5,categories,Group 0/Kind 1,with:Group 2/Kind 0,10
basket_pair,5,categories,Group 0/Kind 1,with:Group 2/Kind 1,12
basket_pair,5,categories,Group 0/Kind 1,with:Group 2/Kind 3,10
basket_pair,5,categories,Group 0/Kind 1,with:Group 2/Kind 5,12
basket_pair,5,categories,Group 0/Kind 1,with:Group 3/Kind 2,11
basket_pair,5,categories,Group 0/Kind 1,with:Group 3/Kind 3,10
basket_pair,5,categories,Group 0/Kind 1,with:Group 3/Kind 4,13
basket_pair,5,categories,Group 0/Kind 1,with:Group 4/Kind 0,11
basket_pair,5,categories,Group 0/Kind 1,with:Group 4/Kind 5,11
basket_pair,5,categories,Group 0/Kind 5,with:Group 0/Kind 6,11
basket_pair,5,categories,Group 0/Kind 5,with:Group 2/Kind 5,10
basket_pair,5,categories,Group 0/Kind 5,with:Group 3/Kind 4,10
basket_pair,5,categories,Group 0/Kind 5,with:Group 4/Kind 0,10
basket_pair,5,categories,Group 0/Kind 6,with:Group 1/Kind 0,10
basket_pair,5,categories,Group 0/Kind 6,with:Group 1/Kind 2,15
basket_pair,5,categories,Group 0/Kind 6,with:Group 2/Kind 1,12
basket_pair,5,categories,Group 0/Kind 6,with:Group 2/Kind 3,10
basket_pair,5,categories,Group 0/Kind 6,with:Group 3/Kind 3,10
basket_pair,5,categories,Group 0/Kind 6,with:Group 3/Kind 4,14
basket_pair,5,categories,Group 0/Kind 6,with:Group 3/Kind 6,11
basket_pair,5,categories,Group 0/Kind 6,with:Group 4/Kind 0,11
basket_pair,5,categories,Group 0/Kind 6,with:Group 4/Kind 5,16
basket_pair,5,categories,Group 1/Kind 0,with:Group 1/Kind 2,14
basket_pair,5,categories,Group 1/Kind 0,with:Group 2/Kind 1,16
basket_pair,5,categories,Group 1/Kind 0,with:Group 2/Kind 3,14
basket_pair,5,categories,Group 1/Kind 0,with:Group 2/Kind 5,16
basket_pair,5,categories,Group 1/Kind 0,with:Group 3/Kind 2,11
basket_pair,5,categories,Group 1/Kind 0,with:Group 3/Kind 4,10
basket_pair,5,categories,Group 1/Kind 0,with:Group 3/Kind 6,14
basket_pair,5,categories,Group 1/Kind 0,with:Group 4/Kind 5,14
basket_pair,5,categories,Group 1/Kind 1,with:Group 3/Kind 6,11
basket_pair,5,categories,Group 1/Kind 2,with:Group 2/Kind 1,11
basket_pair,5,categories,Group 1/Kind 2,with:Group 2/Kind 3,10
basket_pair,5,categories,Group 1/Kind 2,with:Group 2/Kind 5,14
basket_pair,5,categories,Group 1/Kind 2,with:Group 3/Kind 2,14
basket_pair,5,categories,Group 1/Kind 2,with:Group 3/Kind 4,13
basket_pair,5,categories,Group 1/Kind 2,with:Group 3/Kind 6,13
basket_pair,5,categories,Group 1/Kind 2,with:Group 4/Kind 0,15
basket_pair,5,categories,Group 1/Kind 2,with:Group 4/Kind 5,17
basket_pair,5,categories,Group 2/Kind 0,with:Group 2/Kind 3,11
basket_pair,5,categories,Group 2/Kind 1,with:Group 2/Kind 3,13
basket_pair,5,categories,Group 2/Kind 1,with:Group 2/Kind 5,13
basket_pair,5,categories,Group 2/Kind 1,with:Group 3/Kind 2,11
basket_pair,5,categories,Group 2/Kind 1,with:Group 3/Kind 6,12
basket_pair,5,categories,Group 2/Kind 1,with:Group 4/Kind 5,15
basket_pair,5,categories,Group 2/Kind 3,with:Group 2/Kind 5,20
basket_pair,5,categories,Group 2/Kind 3,with:Group 3/Kind 2,16
basket_pair,5,categories,Group 2/Kind 3,with:Group 3/Kind 4,10
basket_pair,5,categories,Group 2/Kind 3,with:Group 3/Kind 6,10
basket_pair,5,categories,Group 2/Kind 3,with:Group 4/Kind 0,19
basket_pair,5,categories,Group 2/Kind 5,with:Group 3/Kind 2,15
basket_pair,5,categories,Group 2/Kind 5,with:Group 3/Kind 4,12
basket_pair,5,categories,Group 2/Kind 5,with:Group 3/Kind 6,16
basket_pair,5,categories,Group 2/Kind 5,with:Group 4/Kind 0,13
basket_pair,5,categories,Group 2/Kind 5,with:Group 4/Kind 5,14
basket_pair,5,categories,Group 3/Kind 2,with:Group 3/Kind 4,10
basket_pair,5,categories,Group 3/Kind 2,with:Group 4/Kind 0,10
basket_pair,5,categories,Group 3/Kind 3,with:Group 3/Kind 6,11
basket_pair,5,categories,Group 3/Kind 4,with:Group 3/Kind 6,16
basket_pair,5,categories,Group 3/Kind 4,with:Group 4/Kind 0,19
basket_pair,5,categories,Group 3/Kind 4,with:Group 4/Kind 2,10
basket_pair,5,categories,Group 3/Kind 4,with:Group 4/Kind 5,13
basket_pair,5,categories,Group 3/Kind 6,with:Group 4/Kind 0,13
basket_pair,5,categories,Group 3/Kind 6,with:Group 4/Kind 5,10
basket_pair,5,categories,Group 4/Kind 0,with:Group 4/Kind 5,16
basket_pair,5,organic,P003,with:P015,1
basket_pair,5,products,P012,with:P013,12
basket_pair,5,products,P012,with:P017,13
basket_pair,5,products,P012,with:P023,12
basket_pair,5,products,P013,with:P018,11
basket_pair,5,products,P014,with:P016,10
basket_pair,5,products,P014,with:P017,11
basket_pair,5,products,P014,with:P018,15
basket_pair,5,products,P014,with:P019,10
basket_pair,5,products,P016,with:P020,11
basket_pair,5,products,P018,with:P020,10
basket_product,5,"",P012,name,Product 12
basket_product,5,"",P012,product_facts,178;;26
basket_product,5,"",P013,name,Product 13
basket_product,5,"",P013,product_facts,8;4.8;
basket_product,5,"",P014,name,Product 14
basket_product,5,"",P014,product_facts,61;36.6;
basket_product,5,"",P016,name,Product 16
basket_product,5,"",P016,product_facts,317;190.2;
basket_product,5,"",P017,name,Product 17
basket_product,5,"",P017,product_facts,41;24.6;
basket_product,5,"",P018,name,Product 18
basket_product,5,"",P018,product_facts,303;;31
basket_product,5,"",P019,name,Product 19
basket_product,5,"",P019,product_facts,366;219.6;
basket_product,5,"",P020,name,Product 20
basket_product,5,"",P020,product_facts,276;165.6;
basket_product,5,"",P023,name,Product 23
basket_product,5,"",P023,product_facts,103;61.8;
cuped,5,"","",customers_with_pre_period,0
cuped,5,"","",units_with_customer,2500
cuped_arm,5,"",control,cuped_sums,1230;745;0;1230;588654.5;0;217994.03;0;745;470;3649;0;0;1230;745;0;745;0;0;1230;624183571.25;0;588654.5;0;0;87466741.8345;0;217994.03;0;0;588654.5;0;745;0;0;745;0;672;1652;0;0;470;13469;0;0;3649;0;0;0;0;0;1230
cuped_arm,5,"",treatment,cuped_sums,1270;755;0;1270;595233;0;221936.71;0;755;456;3785;0;0;1270;755;0;755;0;0;1270;627392677;0;595233;0;0;86860152.6579;0;221936.71;0;0;595233;0;755;0;0;755;0;682;1672;0;0;456;14191;0;0;3785;0;0;0;0;0;1270
dimension,5,category,key:Group 0,dimension_sums,4;5;511;440959.5;222104;80925.37;302;1243;152;48412;14426.32
dimension,5,category,key:Group 1,dimension_sums,5;5;504;442909;221496;89326.65;304;1257;157;30760;11365.4
dimension,5,category,key:Group 2,dimension_sums,2;5;584;491158;245699;90878.06;372;1821;224;39628;13683.16
dimension,5,category,key:Group 3,dimension_sums,3;5;569;490778;242515.5;77843.46;363;1841;239;20919;6049.65
dimension,5,category,key:Group 4,dimension_sums,1;5;535;477845.5;252073;100957.2;311;1272;154;9540;3816
dimension,5,category,total,dimension_sums,0;5;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension,5,category_path,key:Group 0/Kind 0,dimension_sums,25;35;80;53553;20195;8649.45;37;0;0;0;0
dimension,5,category_path,key:Group 0/Kind 1,dimension_sums,5;35;141;145335.5;63490.5;15577.92;102;616;76;27436;6035.92
dimension,5,category_path,key:Group 0/Kind 2,dimension_sums,28;35;39;34855.5;17504;9624.5;15;0;0;0;0
dimension,5,category_path,key:Group 0/Kind 3,dimension_sums,31;35;59;41515.5;13259;4026.6;34;0;0;0;0
dimension,5,category_path,key:Group 0/Kind 4,dimension_sums,33;35;30;21136.5;9736.5;3891.9;16;0;0;0;0
dimension,5,category_path,key:Group 0/Kind 5,dimension_sums,20;35;80;58282;25724;10282.4;41;0;0;0;0
dimension,5,category_path,key:Group 0/Kind 6,dimension_sums,4;35;147;150598.5;72195;28872.6;106;627;76;20976;8390.4
dimension,5,category_path,key:Group 1/Kind 0,dimension_sums,7;35;139;140567;53532;19667.85;111;616;76;18772;6570.2
dimension,5,category_path,key:Group 1/Kind 1,dimension_sums,14;35;69;57058.5;33509.5;14002.3;42;0;0;0;0
dimension,5,category_path,key:Group 1/Kind 2,dimension_sums,6;35;151;145581.5;53695;22504;113;641;81;11988;4795.2
dimension,5,category_path,key:Group 1/Kind 3,dimension_sums,32;35;35;27989.5;13142;5253.2;12;0;0;0;0
dimension,5,category_path,key:Group 1/Kind 4,dimension_sums,11;35;73;69566.5;43564.5;17417.7;31;0;0;0;0
dimension,5,category_path,key:Group 1/Kind 5,dimension_sums,30;35;39;31171.5;16262.5;6504.1;18;0;0;0;0
dimension,5,category_path,key:Group 1/Kind 6,dimension_sums,34;35;65;36542;7790.5;3977.5;32;0;0;0;0
dimension,5,category_path,key:Group 2/Kind 0,dimension_sums,9;35;81;74871.5;46766;16246.96;51;0;0;0;0
dimension,5,category_path,key:Group 2/Kind 1,dimension_sums,3;35;144;153173.5;72345;26625.6;102;608;65;21190;8476
dimension,5,category_path,key:Group 2/Kind 2,dimension_sums,19;35;66;53937.5;26385;10546.8;38;0;0;0;0
dimension,5,category_path,key:Group 2/Kind 3,dimension_sums,27;35;141;103793.5;19421.5;7762.3;110;605;72;2952;1180.8
dimension,5,category_path,key:Group 2/Kind 4,dimension_sums,24;35;42;37462;20801.5;8314.3;20;0;0;0;0
dimension,5,category_path,key:Group 2/Kind 5,dimension_sums,12;35;175;131105.5;39888.5;11337.1;124;608;87;15486;4026.36
dimension,5,category_path,key:Group 2/Kind 6,dimension_sums,26;35;35;36112.5;20091.5;10045;14;0;0;0;0
dimension,5,category_path,key:Group 3/Kind 0,dimension_sums,21;35;38;42735;25351.5;10136.1;24;0;0;0;0
dimension,5,category_path,key:Group 3/Kind 1,dimension_sums,17;35;69;57113.5;27985;11186.8;36;0;0;0;0
dimension,5,category_path,key:Group 3/Kind 2,dimension_sums,23;35;150;101377;20884.5;8347.5;106;629;75;7725;3090
dimension,5,category_path,key:Group 3/Kind 3,dimension_sums,10;35;89;82051.5;46369.5;13027.38;43;0;0;0;0
dimension,5,category_path,key:Group 3/Kind 4,dimension_sums,2;35;151;161733.5;73332;24940.53;115;604;85;25755;7984.05
dimension,5,category_path,key:Group 3/Kind 5,dimension_sums,22;35;30;33991.5;21444;4284;14;0;0;0;0
dimension,5,category_path,key:Group 3/Kind 6,dimension_sums,18;35;138;106555;27149;5921.15;105;608;79;-12561;-5024.4
dimension,5,category_path,key:Group 4/Kind 0,dimension_sums,15;35;144;120298;32911;13157.2;108;627;81;4941;1976.4
dimension,5,category_path,key:Group 4/Kind 1,dimension_sums,16;35;40;47852.5;28683.5;11470.7;20;0;0;0;0
dimension,5,category_path,key:Group 4/Kind 2,dimension_sums,8;35;74;81750.5;50882.5;22452.42;36;0;0;0;0
dimension,5,category_path,key:Group 4/Kind 3,dimension_sums,13;35;87;68422.5;34662.5;14087.9;39;0;0;0;0
dimension,5,category_path,key:Group 4/Kind 4,dimension_sums,29;35;67;43869;16354;7393;27;0;0;0;0
dimension,5,category_path,key:Group 4/Kind 5,dimension_sums,1;35;154;169265;83110.5;30211.98;119;645;73;4599;1839.6
dimension,5,category_path,key:Group 4/Kind 6,dimension_sums,35;35;40;24401.5;5469;2184;14;0;0;0;0
dimension,5,category_path,total,dimension_sums,0;35;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension,5,channel,key:app,dimension_sums,2;3;517;399866.5;399866.5;148710.1;259;2500;328;49002;16293.78
dimension,5,channel,key:email,dimension_sums,1;3;509;405674;405674;150209.24;232;2520;290;50613;16367.25
dimension,5,channel,key:web,dimension_sums,3;3;474;378347;378347;141011.4;244;2414;308;49644;16679.5
dimension,5,channel,total,dimension_sums,0;3;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension,5,offer,key:rec-0,dimension_sums,6;12;87;76006;76006;26351.31;87;608;87;15486;4026.36
dimension,5,offer,key:rec-1,dimension_sums,10;12;79;61830.5;61830.5;21748.61;79;608;79;-12561;-5024.4
dimension,5,offer,key:rec-10,dimension_sums,12;12;65;72876;72876;27624.83;65;608;65;21190;8476
dimension,5,offer,key:rec-11,dimension_sums,4;12;75;58877.5;58877.5;21907.67;75;629;75;7725;3090
dimension,5,offer,key:rec-2,dimension_sums,3;12;81;67640.5;67640.5;25071;81;627;81;4941;1976.4
dimension,5,offer,key:rec-3,dimension_sums,7;12;76;84276;84276;27611.52;76;616;76;27436;6035.92
dimension,5,offer,key:rec-4,dimension_sums,1;12;81;88981;88981;33947.37;81;641;81;11988;4795.2
dimension,5,offer,key:rec-5,dimension_sums,11;12;72;55350;55350;20727.57;72;605;72;2952;1180.8
dimension,5,offer,key:rec-6,dimension_sums,9;12;85;93155;93155;33763.66;85;604;85;25755;7984.05
dimension,5,offer,key:rec-7,dimension_sums,2;12;73;82119;82119;31356.38;73;645;73;4599;1839.6
dimension,5,offer,key:rec-8,dimension_sums,5;12;76;78541;78541;29682.29;76;627;76;20976;8390.4
dimension,5,offer,key:rec-9,dimension_sums,8;12;76;72724;72724;26883.78;76;616;76;18772;6570.2
dimension,5,offer,total,dimension_sums,0;12;735;679888;679888;249494.59;735;7434;926;149259;49340.53
dimension,5,placement,key:cart,dimension_sums,3;3;306;304986.5;304986.5;107557;306;2444;324;87449;24616.53
dimension,5,placement,key:checkout,dimension_sums,2;3;286;242954.5;242954.5;91045.3;286;2488;304;36594;14637.6
dimension,5,placement,key:product,dimension_sums,1;3;282;285713.5;285713.5;106802.09;282;2502;298;25216;10086.4
dimension,5,placement,total,dimension_sums,0;3;735;679888;679888;249494.59;735;7434;926;149259;49340.53
dimension,5,product,key:P000,dimension_sums,41;60;40;25653;11534;5188.65;15;0;0;0;0
dimension,5,product,key:P001,dimension_sums,37;60;37;25079.5;13354;5338;27;0;0;0;0
dimension,5,product,key:P002,dimension_sums,33;60;35;31604.5;16752;6697.2;21;0;0;0;0
dimension,5,product,key:P003,dimension_sums,10;60;49;51485.5;32428.5;7452.78;21;0;0;0;0
dimension,5,product,key:P004,dimension_sums,42;60;33;24623;11318.5;4524.7;13;0;0;0;0
dimension,5,product,key:P005,dimension_sums,54;60;46;25774;5452.5;2176.5;29;0;0;0;0
dimension,5,product,key:P006,dimension_sums,52;60;36;21518;5758.5;3166.5;18;0;0;0;0
dimension,5,product,key:P007,dimension_sums,20;60;38;37233;24531;9805.2;20;0;0;0;0
dimension,5,product,key:P008,dimension_sums,49;60;34;20679;6619.5;2645.1;20;0;0;0;0
dimension,5,product,key:P009,dimension_sums,14;60;43;45801;26338;12639.12;23;0;0;0;0
dimension,5,product,key:P010,dimension_sums,58;60;28;16538.5;1705;680.2;17;0;0;0;0
dimension,5,product,key:P011,dimension_sums,22;60;33;34540.5;23680.5;9467.7;12;0;0;0;0
dimension,5,product,key:P012,dimension_sums,9;60;133;109644;32922.5;8554.3;107;608;87;15486;4026.36
dimension,5,product,key:P013,dimension_sums,60;60;110;75985.5;1221.5;482.3;94;608;79;-12561;-5024.4
dimension,5,product,key:P014,dimension_sums,46;60;112;85770;8901.5;3557.9;98;627;81;4941;1976.4
dimension,5,product,key:P015,dimension_sums,2;60;110;124297;54505;11986.42;91;616;76;27436;6035.92
dimension,5,product,key:P016,dimension_sums,4;60;113;123706;47224;18884.2;96;641;81;11988;4795.2
dimension,5,product,key:P017,dimension_sums,51;60;112;77080;6227.5;2488.3;94;605;72;2952;1180.8
dimension,5,product,key:P018,dimension_sums,3;60;123;129632.5;48781.5;15121.23;102;604;85;25755;7984.05
dimension,5,product,key:P019,dimension_sums,1;60;110;125748.5;55624.5;22245.3;98;645;73;4599;1839.6
dimension,5,product,key:P020,dimension_sums,5;60;117;115311;46635;18648.6;92;627;76;20976;8390.4
dimension,5,product,key:P021,dimension_sums,7;60;106;104001;34825.5;12187.95;94;616;76;18772;6570.2
dimension,5,product,key:P022,dimension_sums,6;60;92;102312.5;43537.5;17412.3;77;608;65;21190;8476
dimension,5,product,key:P023,dimension_sums,35;60;115;83267.5;15959;6380;96;629;75;7725;3090
dimension,5,product,key:P024,dimension_sums,59;60;37;16021.5;1647;888;18;0;0;0;0
dimension,5,product,key:P025,dimension_sums,43;60;30;21136.5;9736.5;3891.9;16;0;0;0;0
dimension,5,product,key:P026,dimension_sums,34;60;39;31171.5;16262.5;6504.1;18;0;0;0;0
dimension,5,product,key:P027,dimension_sums,29;60;35;36112.5;20091.5;10045;14;0;0;0;0
dimension,5,product,key:P028,dimension_sums,17;60;38;42735;25351.5;10136.1;24;0;0;0;0
dimension,5,product,key:P029,dimension_sums,12;60;40;47852.5;28683.5;11470.7;20;0;0;0;0
dimension,5,product,key:P030,dimension_sums,32;60;39;34855.5;17504;9624.5;15;0;0;0;0
dimension,5,product,key:P031,dimension_sums,39;60;35;27989.5;13142;5253.2;12;0;0;0;0
dimension,5,product,key:P032,dimension_sums,26;60;42;37462;20801.5;8314.3;20;0;0;0;0
dimension,5,product,key:P033,dimension_sums,24;60;30;33991.5;21444;4284;14;0;0;0;0
dimension,5,product,key:P034,dimension_sums,53;60;40;24401.5;5469;2184;14;0;0;0;0
dimension,5,product,key:P035,dimension_sums,47;60;40;27900;8661;3460.8;22;0;0;0;0
dimension,5,product,key:P036,dimension_sums,28;60;32;31979;20155.5;8664.3;15;0;0;0;0
dimension,5,product,key:P037,dimension_sums,44;60;31;22333;9633;3849.6;17;0;0;0;0
dimension,5,product,key:P038,dimension_sums,36;60;40;30566;13941;5574.6;22;0;0;0;0
dimension,5,product,key:P039,dimension_sums,55;60;35;20045;5035.5;2868.3;15;0;0;0;0
dimension,5,product,key:P040,dimension_sums,27;60;34;32508;20271.5;8105.9;12;0;0;0;0
dimension,5,product,key:P041,dimension_sums,57;60;29;15024;2032;811;14;0;0;0;0
dimension,5,product,key:P042,dimension_sums,23;60;43;37638.5;22235;6441.76;31;0;0;0;0
dimension,5,product,key:P043,dimension_sums,25;60;35;36434.5;21365.5;8541.7;16;0;0;0;0
dimension,5,product,key:P044,dimension_sums,19;60;33;38398;24544.5;9813.3;14;0;0;0;0
dimension,5,product,key:P045,dimension_sums,40;60;32;26103;11554;3346.4;18;0;0;0;0
dimension,5,product,key:P046,dimension_sums,30;60;40;35026;19884;7950;19;0;0;0;0
dimension,5,product,key:P047,dimension_sums,48;60;43;22054.5;6966;2782.8;18;0;0;0;0
dimension,5,product,key:P048,dimension_sums,15;60;32;33668;25927.5;5438.85;15;0;0;0;0
dimension,5,product,key:P049,dimension_sums,21;60;36;39027;24009.5;9599.3;13;0;0;0;0
dimension,5,product,key:P050,dimension_sums,45;60;33;22971.5;8985.5;3591.5;13;0;0;0;0
dimension,5,product,key:P051,dimension_sums,50;60;38;21875.5;6471;3619.8;17;0;0;0;0
dimension,5,product,key:P052,dimension_sums,38;60;30;27895.5;13194;5274;17;0;0;0;0
dimension,5,product,key:P053,dimension_sums,18;60;31;37654;24550.5;9819.3;16;0;0;0;0
dimension,5,product,key:P054,dimension_sums,13;60;46;45568.5;27486;7966.68;23;0;0;0;0
dimension,5,product,key:P055,dimension_sums,16;60;33;39688.5;25560;10224;16;0;0;0;0
dimension,5,product,key:P056,dimension_sums,31;60;36;39793;18706.5;7479.9;20;0;0;0;0
dimension,5,product,key:P057,dimension_sums,11;60;53;51796;28807.5;9213.3;26;0;0;0;0
dimension,5,product,key:P058,dimension_sums,56;60;40;20635;4925.5;1967.5;14;0;0;0;0
dimension,5,product,key:P059,dimension_sums,8;60;50;52401;33015.5;13199.9;21;0;0;0;0
dimension,5,product,total,dimension_sums,0;60;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension,5,segment,key:new,dimension_sums,2;2;744;591492;591492;222105.63;367;3663;460;70177;23708.88
dimension,5,segment,key:returning,dimension_sums,1;2;756;592395.5;592395.5;217825.11;368;3771;466;79082;25631.65
dimension,5,segment,total,dimension_sums,0;2;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension,5,type,key:bundle,dimension_sums,2;3;286;242954.5;242954.5;91045.3;286;2488;304;36594;14637.6
dimension,5,type,key:cross_sell,dimension_sums,3;3;306;304986.5;304986.5;107557;306;2444;324;87449;24616.53
dimension,5,type,key:upsell,dimension_sums,1;3;282;285713.5;285713.5;106802.09;282;2502;298;25216;10086.4
dimension,5,type,total,dimension_sums,0;3;735;679888;679888;249494.59;735;7434;926;149259;49340.53
dimension,5,type_placement,key:bundle × checkout,dimension_sums,2;3;286;242954.5;242954.5;91045.3;286;2488;304;36594;14637.6
dimension,5,type_placement,key:cross_sell × cart,dimension_sums,3;3;306;304986.5;304986.5;107557;306;2444;324;87449;24616.53
dimension,5,type_placement,key:upsell × product,dimension_sums,1;3;282;285713.5;285713.5;106802.09;282;2502;298;25216;10086.4
dimension,5,type_placement,total,dimension_sums,0;3;735;679888;679888;249494.59;735;7434;926;149259;49340.53
dimension,5,variant,key:control,dimension_sums,2;2;745;588654.5;588654.5;217994.03;376;3649;470;77969;25965.33
dimension,5,variant,key:treatment,dimension_sums,1;2;755;595233;595233;221936.71;359;3785;456;71290;23375.2
dimension,5,variant,total,dimension_sums,0;2;1500;1183887.5;1183887.5;439930.74;735;7434;926;149259;49340.53
dimension_name,5,product,key:P000,name,Product 0
dimension_name,5,product,key:P001,name,Product 1
dimension_name,5,product,key:P002,name,Product 2
dimension_name,5,product,key:P003,name,Product 3
dimension_name,5,product,key:P004,name,Product 4
dimension_name,5,product,key:P005,name,Product 5
dimension_name,5,product,key:P006,name,Product 6
dimension_name,5,product,key:P007,name,Product 7
dimension_name,5,product,key:P008,name,Product 8
dimension_name,5,product,key:P009,name,Product 9
dimension_name,5,product,key:P010,name,Product 10
dimension_name,5,product,key:P011,name,Product 11
dimension_name,5,product,key:P012,name,Product 12
dimension_name,5,product,key:P013,name,Product 13
dimension_name,5,product,key:P014,name,Product 14
dimension_name,5,product,key:P015,name,Product 15
dimension_name,5,product,key:P016,name,Product 16
dimension_name,5,product,key:P017,name,Product 17
dimension_name,5,product,key:P018,name,Product 18
dimension_name,5,product,key:P019,name,Product 19
dimension_name,5,product,key:P020,name,Product 20
dimension_name,5,product,key:P021,name,Product 21
dimension_name,5,product,key:P022,name,Product 22
dimension_name,5,product,key:P023,name,Product 23
dimension_name,5,product,key:P024,name,Product 24
dimension_name,5,product,key:P025,name,Product 25
dimension_name,5,product,key:P026,name,Product 26
dimension_name,5,product,key:P027,name,Product 27
dimension_name,5,product,key:P028,name,Product 28
dimension_name,5,product,key:P029,name,Product 29
dimension_name,5,product,key:P030,name,Product 30
dimension_name,5,product,key:P031,name,Product 31
dimension_name,5,product,key:P032,name,Product 32
dimension_name,5,product,key:P033,name,Product 33
dimension_name,5,product,key:P034,name,Product 34
dimension_name,5,product,key:P035,name,Product 35
dimension_name,5,product,key:P036,name,Product 36
dimension_name,5,product,key:P037,name,Product 37
dimension_name,5,product,key:P038,name,Product 38
dimension_name,5,product,key:P039,name,Product 39
dimension_name,5,product,key:P040,name,Product 40
dimension_name,5,product,key:P041,name,Product 41
dimension_name,5,product,key:P042,name,Product 42
dimension_name,5,product,key:P043,name,Product 43
dimension_name,5,product,key:P044,name,Product 44
dimension_name,5,product,key:P045,name,Product 45
dimension_name,5,product,key:P046,name,Product 46
dimension_name,5,product,key:P047,name,Product 47
dimension_name,5,product,key:P048,name,Product 48
dimension_name,5,product,key:P049,name,Product 49
dimension_name,5,product,key:P050,name,Product 50
dimension_name,5,product,key:P051,name,Product 51
dimension_name,5,product,key:P052,name,Product 52
dimension_name,5,product,key:P053,name,Product 53
dimension_name,5,product,key:P054,name,Product 54
dimension_name,5,product,key:P055,name,Product 55
dimension_name,5,product,key:P056,name,Product 56
dimension_name,5,product,key:P057,name,Product 57
dimension_name,5,product,key:P058,name,Product 58
dimension_name,5,product,key:P059,name,Product 59
experiment,5,"","",costs_known,1
experiment,5,"","",orders_outside_units,0
experiment,5,"","",unit,session
experiment,5,"","",untagged_units,0
ltv,5,"","",adopters,469
ltv,5,"","",customers,658
ltv,5,"","",customers_named,1
ltv,5,"","",data_end,1711798921
ltv_window,5,30,adopters,ltv_sums,403;229;580723.5;1138510859.25
ltv_window,5,30,others,ltv_sums,145;40;126527.5;153304397.75
offer,5,rec-0,"",anchor,P000
offer,5,rec-0,"",offer_sums,0;608;87;1704070365;1711826814;87;87;15486;4026.36;0;369;139;76.45;178;131.72;608;4026.36;608;186339.9408;608;4026.36
offer,5,rec-0,"",offered,P012
offer,5,rec-0,"",placement,cart
offer,5,rec-0,"",type,cross_sell
offer,5,rec-1,"",anchor,P001
offer,5,rec-1,"",offer_sums,0;608;79;1704077136;1711834694;79;79;-12561;-5024.4;0;378;167;100.2;8;4.8;608;-5024.4;608;319551.84;608;-5024.4
offer,5,rec-1,"",offered,P013
offer,5,rec-1,"",placement,product
offer,5,rec-1,"",type,upsell
offer,5,rec-10,"",anchor,P010
offer,5,rec-10,"",offer_sums,0;608;65;1704075767;1711837537;65;65;21190;8476;0;355;28;16.8;354;212.4;608;8476;608;1105270.4;608;8476
offer,5,rec-10,"",offered,P022
offer,5,rec-10,"",placement,product
offer,5,rec-10,"",type,upsell
offer,5,rec-11,"",anchor,P011
offer,5,rec-11,"",offer_sums,0;629;75;1704067890;1711837537;75;75;7725;3090;0;371;376;225.6;103;61.8;629;3090;629;127308;629;3090
offer,5,rec-11,"",offered,P023
offer,5,rec-11,"",placement,checkout
offer,5,rec-11,"",type,bundle
offer,5,rec-2,"",anchor,P002
offer,5,rec-2,"",offer_sums,0;627;81;1704082387;1711834018;81;81;4941;1976.4;0;367;266;159.6;61;36.6;627;1976.4;627;48224.16;627;1976.4
offer,5,rec-2,"",offered,P014
offer,5,rec-2,"",placement,checkout
offer,5,rec-2,"",type,bundle
offer,5,rec-3,"",anchor,P003
offer,5,rec-3,"",offer_sums,0;616;76;1704082387;1711837537;76;76;27436;6035.92;0;369;306;235.62;361;281.58;616;6035.92;616;479372.7664;616;6035.92
offer,5,rec-3,"",offered,P015
offer,5,rec-3,"",placement,cart
offer,5,rec-3,"",type,cross_sell
offer,5,rec-4,"",anchor,P004
offer,5,rec-4,"",offer_sums,0;641;81;1704098610;1711842358;81;81;11988;4795.2;0;385;169;101.4;317;190.2;641;4795.2;641;283875.84;641;4795.2
offer,5,rec-4,"",offered,P016
offer,5,rec-4,"",placement,product
offer,5,rec-4,"",type,upsell
offer,5,rec-5,"",anchor,P005
offer,5,rec-5,"",offer_sums,0;605;72;1704075767;1711806951;72;72;2952;1180.8;0;382;52;31.2;41;24.6;605;1180.8;605;19365.12;605;1180.8
offer,5,rec-5,"",offered,P017
offer,5,rec-5,"",placement,checkout
offer,5,rec-5,"",type,bundle
offer,5,rec-6,"",anchor,P006
offer,5,rec-6,"",offer_sums,0;604;85;1704067890;1711818928;85;85;25755;7984.05;0;355;80;36;303;209.07;604;7984.05;604;749941.8165;604;7984.05
offer,5,rec-6,"",offered,P018
offer,5,rec-6,"",placement,cart
offer,5,rec-6,"",type,cross_sell
offer,5,rec-7,"",anchor,P007
offer,5,rec-7,"",offer_sums,0;645;73;1704067890;1711834694;73;73;4599;1839.6;0;398;303;181.8;366;219.6;645;1839.6;645;46357.92;645;1839.6
offer,5,rec-7,"",offered,P019
offer,5,rec-7,"",placement,product
offer,5,rec-7,"",type,upsell
offer,5,rec-8,"",anchor,P008
offer,5,rec-8,"",offer_sums,0;627;76;1704082387;1711834694;76;76;20976;8390.4;0;347;92;55.2;276;165.6;627;8390.4;627;926300.16;627;8390.4
offer,5,rec-8,"",offered,P020
offer,5,rec-8,"",placement,checkout
offer,5,rec-8,"",type,bundle
offer,5,rec-9,"",anchor,P009
offer,5,rec-9,"",offer_sums,0;616;76;1704098610;1711834694;76;76;18772;6570.2;0;350;296;153.92;247;160.55;616;6570.2;616;567993.79;616;6570.2
offer,5,rec-9,"",offered,P021
offer,5,rec-9,"",placement,cart
offer,5,rec-9,"",type,cross_sell
offer_arm,5,rec-0,control,shown,1
offer_arm,5,rec-0,treatment,shown,1
offer_arm,5,rec-1,control,shown,1
offer_arm,5,rec-1,treatment,shown,1
offer_arm,5,rec-10,control,shown,1
offer_arm,5,rec-10,treatment,shown,1
offer_arm,5,rec-11,control,shown,1
offer_arm,5,rec-11,treatment,shown,1
offer_arm,5,rec-2,control,shown,1
offer_arm,5,rec-2,treatment,shown,1
offer_arm,5,rec-3,control,shown,1
offer_arm,5,rec-3,treatment,shown,1
offer_arm,5,rec-4,control,shown,1
offer_arm,5,rec-4,treatment,shown,1
offer_arm,5,rec-5,control,shown,1
offer_arm,5,rec-5,treatment,shown,1
offer_arm,5,rec-6,control,shown,1
offer_arm,5,rec-6,treatment,shown,1
offer_arm,5,rec-7,control,shown,1
offer_arm,5,rec-7,treatment,shown,1
offer_arm,5,rec-8,control,shown,1
offer_arm,5,rec-8,treatment,shown,1
offer_arm,5,rec-9,control,shown,1
offer_arm,5,rec-9,treatment,shown,1
offer_group,5,rec-0,channel:app,group_sums,191;1342.12;191;62113.3136;191;1342.12;191;29;29;29;120
offer_group,5,rec-0,channel:email,group_sums,221;1434.68;221;66396.9904;221;1434.68;221;31;31;31;135
offer_group,5,rec-0,channel:web,group_sums,196;1249.56;196;57829.6368;196;1249.56;196;27;27;27;114
offer_group,5,rec-0,segment:new,group_sums,297;1712.36;297;79248.0208;297;1712.36;297;37;37;37;188
offer_group,5,rec-0,segment:returning,group_sums,311;2314;311;107091.92;311;2314;311;50;50;50;181
offer_group,5,rec-1,channel:app,group_sums,192;-2098.8;192;133483.68;192;-2098.8;192;33;33;33;130
offer_group,5,rec-1,channel:email,group_sums,213;-1399.2;213;88989.12;213;-1399.2;213;22;22;22;128
offer_group,5,rec-1,channel:web,group_sums,203;-1526.4;203;97079.04;203;-1526.4;203;24;24;24;120
offer_group,5,rec-1,segment:new,group_sums,294;-2798.4;294;177978.24;294;-2798.4;294;44;44;44;189
offer_group,5,rec-1,segment:returning,group_sums,314;-2226;314;141573.6;314;-2226;314;35;35;35;189
offer_group,5,rec-10,channel:app,group_sums,211;3260;211;425104;211;3260;211;25;25;25;131
offer_group,5,rec-10,channel:email,group_sums,206;2216.8;206;289070.72;206;2216.8;206;17;17;17;117
offer_group,5,rec-10,channel:web,group_sums,191;2999.2;191;391095.68;191;2999.2;191;23;23;23;107
offer_group,5,rec-10,segment:new,group_sums,297;3912;297;510124.8;297;3912;297;30;30;30;173
offer_group,5,rec-10,segment:returning,group_sums,311;4564;311;595145.6;311;4564;311;35;35;35;182
offer_group,5,rec-11,channel:app,group_sums,232;1277.2;232;52620.64;232;1277.2;232;31;31;31;135
offer_group,5,rec-11,channel:email,group_sums,204;782.8;204;32251.36;204;782.8;204;19;19;19;122
offer_group,5,rec-11,channel:web,group_sums,193;1030;193;42436;193;1030;193;25;25;25;114
offer_group,5,rec-11,segment:new,group_sums,312;1730.4;312;71292.48;312;1730.4;312;42;42;42;182
offer_group,5,rec-11,segment:returning,group_sums,317;1359.6;317;56015.52;317;1359.6;317;33;33;33;189
offer_group,5,rec-2,channel:app,group_sums,209;683.2;209;16670.08;209;683.2;209;28;28;28;128
offer_group,5,rec-2,channel:email,group_sums,220;634.4;220;15479.36;220;634.4;220;26;26;26;128
offer_group,5,rec-2,channel:web,group_sums,198;658.8;198;16074.72;198;658.8;198;27;27;27;111
offer_group,5,rec-2,segment:new,group_sums,303;976;303;23814.4;303;976;303;40;40;40;172
offer_group,5,rec-2,segment:returning,group_sums,324;1000.4;324;24409.76;324;1000.4;324;41;41;41;195
offer_group,5,rec-3,channel:app,group_sums,207;1826.66;207;145073.3372;207;1826.66;207;23;23;23;129
offer_group,5,rec-3,channel:email,group_sums,215;2303.18;215;182918.5556;215;2303.18;215;29;29;29;122
offer_group,5,rec-3,channel:web,group_sums,194;1906.08;194;151380.8736;194;1906.08;194;24;24;24;118
offer_group,5,rec-3,segment:new,group_sums,293;2303.18;293;182918.5556;293;2303.18;293;29;29;29;169
offer_group,5,rec-3,segment:returning,group_sums,323;3732.74;323;296454.2108;323;3732.74;323;47;47;47;200
offer_group,5,rec-4,channel:app,group_sums,197;1184;197;70092.8;197;1184;197;20;20;20;118
offer_group,5,rec-4,channel:email,group_sums,215;1302.4;215;77102.08;215;1302.4;215;22;22;22;135
offer_group,5,rec-4,channel:web,group_sums,229;2308.8;229;136680.96;229;2308.8;229;39;39;39;132
offer_group,5,rec-4,segment:new,group_sums,327;2486.4;327;147194.88;327;2486.4;327;42;42;42;194
offer_group,5,rec-4,segment:returning,group_sums,314;2308.8;314;136680.96;314;2308.8;314;39;39;39;191
offer_group,5,rec-5,channel:app,group_sums,219;574;219;9413.6;219;574;219;35;35;35;135
offer_group,5,rec-5,channel:email,group_sums,194;360.8;194;5917.12;194;360.8;194;22;22;22;124
offer_group,5,rec-5,channel:web,group_sums,192;246;192;4034.4;192;246;192;15;15;15;123
offer_group,5,rec-5,segment:new,group_sums,293;606.8;293;9951.52;293;606.8;293;37;37;37;185
offer_group,5,rec-5,segment:returning,group_sums,312;574;312;9413.6;312;574;312;35;35;35;197
offer_group,5,rec-6,channel:app,group_sums,219;2817.9;219;264685.347;219;2817.9;219;30;30;30;131
offer_group,5,rec-6,channel:email,group_sums,193;3099.69;193;291153.8817;193;3099.69;193;33;33;33;112
offer_group,5,rec-6,channel:web,group_sums,192;2066.46;192;194102.5878;192;2066.46;192;22;22;22;112
offer_group,5,rec-6,segment:new,group_sums,305;4038.99;305;379382.3307;305;4038.99;305;43;43;43;183
offer_group,5,rec-6,segment:returning,group_sums,299;3945.06;299;370559.4858;299;3945.06;299;42;42;42;172
offer_group,5,rec-7,channel:app,group_sums,213;655.2;213;16511.04;213;655.2;213;26;26;26;131
offer_group,5,rec-7,channel:email,group_sums,217;403.2;217;10160.64;217;403.2;217;16;16;16;143
offer_group,5,rec-7,channel:web,group_sums,215;781.2;215;19686.24;215;781.2;215;31;31;31;124
offer_group,5,rec-7,segment:new,group_sums,313;982.8;313;24766.56;313;982.8;313;39;39;39;198
offer_group,5,rec-7,segment:returning,group_sums,332;856.8;332;21591.36;332;856.8;332;34;34;34;200
offer_group,5,rec-8,channel:app,group_sums,208;2870.4;208;316892.16;208;2870.4;208;26;26;26;116
offer_group,5,rec-8,channel:email,group_sums,209;2980.8;209;329080.32;209;2980.8;209;27;27;27;111
offer_group,5,rec-8,channel:web,group_sums,210;2539.2;210;280327.68;210;2539.2;210;23;23;23;120
offer_group,5,rec-8,segment:new,group_sums,317;5078.4;317;560655.36;317;5078.4;317;46;46;46;179
offer_group,5,rec-8,segment:returning,group_sums,310;3312;310;365644.8;310;3312;310;30;30;30;168
offer_group,5,rec-9,channel:app,group_sums,202;1901.9;202;164419.255;202;1901.9;202;22;22;22;118
offer_group,5,rec-9,channel:email,group_sums,213;2247.7;213;194313.665;213;2247.7;213;26;26;26;128
offer_group,5,rec-9,channel:web,group_sums,201;2420.6;201;209260.87;201;2420.6;201;28;28;28;104
offer_group,5,rec-9,segment:new,group_sums,312;2679.95;312;231681.6775;312;2679.95;312;31;31;31;177
offer_group,5,rec-9,segment:returning,group_sums,304;3890.25;304;336312.1125;304;3890.25;304;45;45;45;173
offers,5,"","",accepted_derived,0
offers,5,"","",costs_known,1
placement_group,5,cart,channel:app,converted:control,158
placement_group,5,cart,channel:app,converted:treatment,187
placement_group,5,cart,channel:app,units:control,256
placement_group,5,cart,channel:app,units:treatment,304
placement_group,5,cart,channel:email,converted:control,190
placement_group,5,cart,channel:email,converted:treatment,159
placement_group,5,cart,channel:email,units:control,315
placement_group,5,cart,channel:email,units:treatment,273
placement_group,5,cart,channel:web,converted:control,151
placement_group,5,cart,channel:web,converted:treatment,164
placement_group,5,cart,channel:web,units:control,264
placement_group,5,cart,channel:web,units:treatment,280
placement_group,5,cart,segment:new,converted:control,244
placement_group,5,cart,segment:new,converted:treatment,263
placement_group,5,cart,segment:new,units:control,402
placement_group,5,cart,segment:new,units:treatment,435
placement_group,5,cart,segment:returning,converted:control,255
placement_group,5,cart,segment:returning,converted:treatment,247
placement_group,5,cart,segment:returning,units:control,433
placement_group,5,cart,segment:returning,units:treatment,422
placement_group,5,checkout,channel:app,converted:control,168
placement_group,5,checkout,channel:app,converted:treatment,192
placement_group,5,checkout,channel:app,units:control,274
placement_group,5,checkout,channel:app,units:treatment,319
placement_group,5,checkout,channel:email,converted:control,178
placement_group,5,checkout,channel:email,converted:treatment,165
placement_group,5,checkout,channel:email,units:control,286
placement_group,5,checkout,channel:email,units:treatment,293
placement_group,5,checkout,channel:web,converted:control,154
placement_group,5,checkout,channel:web,converted:treatment,155
placement_group,5,checkout,channel:web,units:control,264
placement_group,5,checkout,channel:web,units:treatment,266
placement_group,5,checkout,segment:new,converted:control,239
placement_group,5,checkout,segment:new,converted:treatment,258
placement_group,5,checkout,segment:new,units:control,391
placement_group,5,checkout,segment:new,units:treatment,441
placement_group,5,checkout,segment:returning,converted:control,261
placement_group,5,checkout,segment:returning,converted:treatment,254
placement_group,5,checkout,segment:returning,units:control,433
placement_group,5,checkout,segment:returning,units:treatment,437
placement_group,5,product,channel:app,converted:control,165
placement_group,5,product,channel:app,converted:treatment,196
placement_group,5,product,channel:app,units:control,280
placement_group,5,product,channel:app,units:treatment,298
placement_group,5,product,channel:email,converted:control,189
placement_group,5,product,channel:email,converted:treatment,168
placement_group,5,product,channel:email,units:control,302
placement_group,5,product,channel:email,units:treatment,277
placement_group,5,product,channel:web,converted:control,157
placement_group,5,product,channel:web,converted:treatment,176
placement_group,5,product,channel:web,units:control,278
placement_group,5,product,channel:web,units:treatment,296
placement_group,5,product,segment:new,converted:control,244
placement_group,5,product,segment:new,converted:treatment,281
placement_group,5,product,segment:new,units:control,411
placement_group,5,product,segment:new,units:treatment,448
placement_group,5,product,segment:returning,converted:control,267
placement_group,5,product,segment:returning,converted:treatment,259
placement_group,5,product,segment:returning,units:control,449
placement_group,5,product,segment:returning,units:treatment,423
settings,5,"","",document,"{""control_arm"":""control"",""confidence"":0.95,""slash_date_order"":""month_first"",""expected_split"":""equal"",""srm_alert_p"":0.001,""srm_min_units"":8,""adjustment"":""holm"",""capping"":""off"",""capping_percentile"":0.99,""power"":0.8,""target_relative_lift"":0.05,""sequential"":false,""sequential_tuning_n"":5000,""cuped"":true,""cuped_pre_period_days"":30,""cuped_min_covered_share"":0.1,""retire_min_impressions"":1000,""retire_acceptance_floor"":0.02,""min_impressions_for_verdict"":100,""attribution_window_hours"":24,""ltv_windows_days"":[30,90,365],""max_dimension_groups"":100,""basket_min_support"":0.001,""basket_min_confidence"":0.05,""basket_max_items"":50,""basket_max_rules"":200,""basket_triples"":false,""timezone"":""UTC"",""trend_grain"":""auto"",""change_window_days"":14,""gap_warning_share"":0.01,""gap_critical_share"":0.1,""sections"":[""dimensions"",""experiment"",""offers"",""ltv"",""basket"",""trends""]}"
summary,5,"","",attached_orders,735
summary,5,"","",cancelled_orders,0
summary,5,"","",converted_sessions,1500
summary,5,"","",costed_lines,3152
summary,5,"","",currency,EUR
summary,5,"","",has_rec_column,1
summary,5,"","",margin,439930.74000000000000000000
summary,5,"","",money_orders,1500
summary,5,"","",order_lines,3152
summary,5,"","",order_revenue_n,1500
summary,5,"","",order_revenue_sum,1183887.500000000
summary,5,"","",order_revenue_sum_sq,1251576248.250000000000000000
summary,5,"","",orders,1500
summary,5,"","",priced_lines,3152
summary,5,"","",refunded_orders,0
summary,5,"","",revenue,1183887.500000000000
summary,5,"","",revenue_with_cost,1183887.500000000000
summary,5,"","",sessions,2500
table,5,offers,"",rows_read,7434
table,5,orders,"",rows_read,3152
table,5,products,"",rows_read,60
table,5,sessions,"",rows_read,2500
trend,5,"","",dates_as_local,0
trend,5,"","",offers_not_listed,0
trend,5,"","",undated_units,0
trend,5,"","",window_end,1711842358
trend_arm,5,19723,control,arm_sums,15;9;9;7751.5;9009962.25;2659.36;1131764.5946;9;7751.5;9;9009962.25;9;7751.5;15;6;40;8;114;17
trend_arm,5,19723,treatment,arm_sums,13;7;7;6300;6854352;2264.32;901755.6302;7;6300;7;6854352;7;6300;13;5;40;7;156;26
trend_arm,5,19724,control,arm_sums,16;11;11;6071;5078843;2262.95;607805.1643;11;6071;11;5078843;11;6071;15;5;40;9;122;13
trend_arm,5,19724,treatment,arm_sums,12;8;8;4368;2754488;1710.95;426524.1053;8;4368;8;2754488;8;4368;11;3;32;3;104;9
trend_arm,5,19725,control,arm_sums,14;11;11;9432.5;9224665.25;3297.88;1158257.5402;11;9432.5;11;9224665.25;11;9432.5;14;8;41;12;141;26
trend_arm,5,19725,treatment,arm_sums,13;8;8;8274;9046760;3428.65;1514006.5793;8;8274;8;9046760;8;8274;12;5;41;7;159;17
trend_arm,5,19726,control,arm_sums,15;5;5;4182;5073336;1637.72;783804.0584;5;4182;5;5073336;5;4182;15;6;55;8;233;20
trend_arm,5,19726,treatment,arm_sums,13;6;6;3507;2288828.5;1493.32;432483.1232;6;3507;6;2288828.5;6;3507;13;2;46;4;182;6
trend_arm,5,19727,control,arm_sums,11;7;7;6808;8473578;2536.57;1226875.0545;7;6808;7;8473578;7;6808;11;8;39;12;171;35
trend_arm,5,19727,treatment,arm_sums,16;8;8;3706;2248790;1452.35;358093.6925;8;3706;8;2248790;8;3706;16;2;43;2;145;3
trend_arm,5,19728,control,arm_sums,12;10;10;7414.5;6531738.25;2836.25;946767.7271;10;7414.5;10;6531738.25;10;7414.5;10;9;36;15;152;39
trend_arm,5,19728,treatment,arm_sums,16;11;11;10304.5;12441455.25;3902.51;1933336.5395;11;10304.5;11;12441455.25;11;10304.5;16;5;50;5;178;17
trend_arm,5,19729,control,arm_sums,13;10;10;8704.5;8904583.25;3464.18;1430380.0314;10;8704.5;10;8904583.25;10;8704.5;13;10;41;14;139;35
trend_arm,5,19729,treatment,arm_sums,15;10;10;9370;12446562;3111.64;1256788.164;10;9370;10;12446562;10;9370;15;6;45;10;163;24
trend_arm,5,19730,control,arm_sums,16;7;7;3737.5;2703981.25;1401.13;355304.4469;7;3737.5;7;2703981.25;7;3737.5;14;4;40;4;138;12
trend_arm,5,19730,treatment,arm_sums,12;8;8;7912;9320762;2902.53;1291761.6993;8;7912;8;9320762;8;7912;12;7;39;13;149;31
trend_arm,5,19731,control,arm_sums,16;9;9;6249;5468861.5;2276.12;694237.2434;9;6249;9;5468861.5;9;6249;15;8;45;10;155;26
trend_arm,5,19731,treatment,arm_sums,12;4;4;3865.5;4480987.25;1589.21;755947.3173;4;3865.5;4;4480987.25;4;3865.5;12;2;34;2;102;5
trend_arm,5,19732,control,arm_sums,13;7;7;7403;10086303;2621.58;1247927.0122;7;7403;7;10086303;7;7403;13;4;32;4;94;8
trend_arm,5,19732,treatment,arm_sums,15;11;11;7066.5;6675270.75;2743.66;988760.694;11;7066.5;11;6675270.75;11;7066.5;15;6;48;8;180;23
trend_arm,5,19733,control,arm_sums,19;10;10;6796.5;5574425.25;2755.95;945901.0901;10;6796.5;10;5574425.25;10;6796.5;19;7;63;11;259;22
trend_arm,5,19733,treatment,arm_sums,8;4;4;2077.5;1404533.25;734.55;172654.9653;4;2077.5;4;1404533.25;4;2077.5;7;1;20;1;72;3
trend_arm,5,19734,control,arm_sums,12;7;7;5450;6777174.5;2257.22;1260000.365;7;5450;7;6777174.5;7;5450;12;4;34;6;116;17
trend_arm,5,19734,treatment,arm_sums,16;9;9;6139;7061023;2288.07;943167.6159;9;6139;9;7061023;9;6139;13;4;39;6;135;11
trend_arm,5,19735,control,arm_sums,13;6;6;5235.5;5237345.25;1998.7;823296.6374;6;5235.5;6;5237345.25;6;5235.5;11;3;39;3;155;13
trend_arm,5,19735,treatment,arm_sums,15;10;10;7587.5;7532803.25;2759.48;1022444.144;10;7587.5;10;7532803.25;10;7587.5;14;2;52;2;226;6
trend_arm,5,19736,control,arm_sums,12;8;8;6518;5651360.5;2397.46;789771.2196;8;6518;8;5651360.5;8;6518;12;3;32;3;96;7
trend_arm,5,19736,treatment,arm_sums,16;8;8;6082;6067868;2091.46;725773.905;8;6082;8;6067868;8;6082;15;3;44;3;156;12
trend_arm,5,19737,control,arm_sums,15;9;9;7857;8382978;2782.82;1089083.7854;9;7857;9;8382978;9;7857;15;8;49;10;201;29
trend_arm,5,19737,treatment,arm_sums,12;6;6;5286;5034878;2138.4;829964.48;6;5286;6;5034878;6;5286;12;1;37;1;133;4
trend_arm,5,19738,control,arm_sums,16;10;10;8271.5;7905402.75;2568.17;765557.6019;10;8271.5;10;7905402.75;10;8271.5;15;9;46;13;160;29
trend_arm,5,19738,treatment,arm_sums,12;6;6;4599.5;3960629.25;1874.15;653007.7725;6;4599.5;6;3960629.25;6;4599.5;12;4;34;4;110;12
trend_arm,5,19739,control,arm_sums,14;11;11;4680.5;2806880.25;1667.87;333135.6813;11;4680.5;11;2806880.25;11;4680.5;13;7;32;9;102;24
trend_arm,5,19739,treatment,arm_sums,14;9;9;7807;7963047;3035.72;1201676.4082;9;7807;9;7963047;9;7807;12;2;33;2;119;4
trend_arm,5,19740,control,arm_sums,15;9;9;11164.5;16646598.25;4404.84;2620502.383;9;11164.5;9;16646598.25;9;11164.5;15;7;48;13;194;27
trend_arm,5,19740,treatment,arm_sums,13;6;6;4640.5;4217224.25;1570.04;503224.8912;6;4640.5;6;4217224.25;6;4640.5;13;6;46;10;188;25
trend_arm,5,19741,control,arm_sums,17;13;13;15137.5;20137244.25;5281.14;2449549.5708;13;15137.5;13;20137244.25;13;15137.5;17;11;57;15;211;42
trend_arm,5,19741,treatment,arm_sums,11;6;6;6143.5;8155922.25;2142.92;959187.0402;6;6143.5;6;8155922.25;6;6143.5;10;3;26;3;88;12
trend_arm,5,19742,control,arm_sums,11;5;5;3711.5;3404778.25;1400.16;445439.3704;5;3711.5;5;3404778.25;5;3711.5;11;2;44;2;208;10
trend_arm,5,19742,treatment,arm_sums,16;10;10;6486;6386612.5;2340.92;741817.927;10;6486;10;6386612.5;10;6486;15;4;42;4;136;11
trend_arm,5,19743,control,arm_sums,12;9;9;8260;8835005.5;2680.1;909469.4956;9;8260;9;8835005.5;9;8260;11;5;26;5;72;10
trend_arm,5,19743,treatment,arm_sums,16;9;9;6706.5;6178365.25;2752.14;1081323.4282;9;6706.5;9;6178365.25;9;6706.5;16;3;45;3;167;9
trend_arm,5,19744,control,arm_sums,13;8;8;7180;9141118.5;2528.38;1109274.7308;8;7180;8;9141118.5;8;7180;13;3;42;3;178;12
trend_arm,5,19744,treatment,arm_sums,16;9;9;7235.5;7435603.25;2656.4;998798.3722;9;7235.5;9;7435603.25;9;7235.5;16;4;49;10;189;14
trend_arm,5,19745,control,arm_sums,19;11;11;6395.5;4368845.75;2348.76;585143.595;11;6395.5;11;4368845.75;11;6395.5;19;6;54;8;182;16
trend_arm,5,19745,treatment,arm_sums,8;6;6;6108;8022078.5;2275.84;1116247.5904;6;6108;6;8022078.5;6;6108;8;4;24;6;82;12
trend_arm,5,19746,control,arm_sums,12;7;7;5670.5;6050758.25;2259.88;946331.8744;7;5670.5;7;6050758.25;7;5670.5;12;3;32;5;98;12
trend_arm,5,19746,treatment,arm_sums,15;11;11;5096.5;3713972.75;1863.44;426508.9346;11;5096.5;11;3713972.75;11;5096.5;14;3;40;3;134;8
trend_arm,5,19747,control,arm_sums,15;10;10;6932.5;7625684.75;2415.01;909433.7613;10;6932.5;10;7625684.75;10;6932.5;13;2;36;2;132;7
trend_arm,5,19747,treatment,arm_sums,14;10;10;8693;9157688.5;3426.59;1361876.0485;10;8693;10;9157688.5;10;8693;14;5;40;7;136;19
trend_arm,5,19748,control,arm_sums,14;10;10;7971;7515950.5;2993.09;1078555.5063;10;7971;10;7515950.5;10;7971;14;6;40;6;138;18
trend_arm,5,19748,treatment,arm_sums,13;6;6;4351;3938873;1745.98;627474.9764;6;4351;6;3938873;6;4351;12;4;33;4;107;9
trend_arm,5,19749,control,arm_sums,11;6;6;4334;4655598;1650.41;696282.8361;6;4334;6;4655598;6;4334;10;1;23;1;57;3
trend_arm,5,19749,treatment,arm_sums,17;12;12;9987;11140311;3756.14;1502758.5282;12;9987;12;11140311;12;9987;17;11;42;17;140;37
trend_arm,5,19750,control,arm_sums,14;9;9;5383;4055353;2103.36;638535.6128;9;5383;9;4055353;9;5383;14;5;40;7;148;18
trend_arm,5,19750,treatment,arm_sums,13;8;8;6242.5;6998776.25;1952.38;628310.5554;8;6242.5;8;6998776.25;8;6242.5;13;3;46;3;194;10
trend_arm,5,19751,control,arm_sums,15;10;10;10058.5;12576830.25;3790.47;1829200.1889;10;10058.5;10;12576830.25;10;10058.5;15;9;39;17;115;26
trend_arm,5,19751,treatment,arm_sums,13;9;9;7018.5;6910780.25;2412.3;839662.7616;9;7018.5;9;6910780.25;9;7018.5;13;11;52;19;250;49
trend_arm,5,19752,control,arm_sums,15;7;7;5813.5;6603883.25;2215.78;982369.1834;7;5813.5;7;6603883.25;7;5813.5;15;5;44;5;148;15
trend_arm,5,19752,treatment,arm_sums,13;4;4;4246;5542770;1509.04;747285.3094;4;4246;4;5542770;4;4246;13;5;42;7;174;16
trend_arm,5,19753,control,arm_sums,16;12;12;9687.5;10000767.25;3547.27;1453058.0055;12;9687.5;12;10000767.25;12;9687.5;15;7;49;9;177;26
trend_arm,5,19753,treatment,arm_sums,12;6;6;3129;2173939;1357.92;431824.8424;6;3129;6;2173939;6;3129;12;2;29;2;89;5
trend_arm,5,19754,control,arm_sums,13;6;6;2190;1269210;833.25;177023.3153;6;2190;6;1269210;6;2190;12;3;37;5;125;13
trend_arm,5,19754,treatment,arm_sums,15;8;8;6097;5243757.5;2284.54;725347.5548;8;6097;8;5243757.5;8;6097;15;5;52;5;238;20
trend_arm,5,19755,control,arm_sums,15;8;8;6082;5350965.5;2350.27;812640.8999;8;6082;8;5350965.5;8;6082;15;5;50;7;194;12
trend_arm,5,19755,treatment,arm_sums,13;8;8;6146;6166800;2275.91;835952.3361;8;6146;8;6166800;8;6146;12;2;30;2;104;8
trend_arm,5,19756,control,arm_sums,14;10;10;10200;12148649.5;3317.58;1258887.754;10;10200;10;12148649.5;10;10200;14;12;39;20;135;36
trend_arm,5,19756,treatment,arm_sums,13;9;9;5925.5;6593849.25;2177.85;766226.4625;9;5925.5;9;6593849.25;9;5925.5;13;5;39;11;157;19
trend_arm,5,19757,control,arm_sums,12;7;7;5920;6936945.5;2314.32;1054700.577;7;5920;7;6936945.5;7;5920;11;6;33;8;121;24
trend_arm,5,19757,treatment,arm_sums,16;9;9;5774;4658962;2390;834112.7682;9;5774;9;4658962;9;5774;16;2;50;4;192;8
trend_arm,5,19758,control,arm_sums,13;7;7;4606;3653674;1850.9;584760.165;7;4606;7;3653674;7;4606;13;4;45;6;171;18
trend_arm,5,19758,treatment,arm_sums,15;7;7;4944.5;4885989.25;1793.01;631124.5151;7;4944.5;7;4885989.25;7;4944.5;15;7;39;11;109;18
trend_arm,5,19759,control,arm_sums,15;11;11;10875;13048540.5;3936.23;1779392.0877;11;10875;11;13048540.5;11;10875;14;8;46;12;168;33
trend_arm,5,19759,treatment,arm_sums,13;10;10;5484;3668377.5;2144.9;602448.8424;10;5484;10;3668377.5;10;5484;12;6;47;8;221;31
trend_arm,5,19760,control,arm_sums,12;7;7;3464.5;2380280.25;1179.46;276604.1652;7;3464.5;7;2380280.25;7;3464.5;11;2;35;2;151;5
trend_arm,5,19760,treatment,arm_sums,15;12;12;9584.5;9422245.25;3461.92;1156113.209;12;9584.5;12;9422245.25;12;9584.5;14;12;49;16;197;44
trend_arm,5,19761,control,arm_sums,12;8;8;6689;7874183;2553.85;1277945.3823;8;6689;8;7874183;8;6689;12;8;37;16;135;25
trend_arm,5,19761,treatment,arm_sums,16;12;12;8118.5;7392886.25;3052.25;955810.9373;12;8118.5;12;7392886.25;12;8118.5;15;7;56;11;254;26
trend_arm,5,19762,control,arm_sums,15;15;15;12269.5;13313243.75;4566.34;2051951.3138;15;12269.5;15;13313243.75;15;12269.5;15;2;42;2;134;5
trend_arm,5,19762,treatment,arm_sums,13;2;2;1810;1994218;723.73;317760.7729;2;1810;2;1994218;2;1810;13;3;38;5;136;8
trend_arm,5,19763,control,arm_sums,10;8;8;3988;2752662;1514.53;392616.0165;8;3988;8;2752662;8;3988;10;4;29;6;93;13
trend_arm,5,19763,treatment,arm_sums,18;8;8;9268;12566448.5;3567.34;1855417.089;8;9268;8;12566448.5;8;9268;18;4;48;6;146;15
trend_arm,5,19764,control,arm_sums,11;5;5;3273;2681391;1215.35;380762.4977;5;3273;5;2681391;5;3273;11;3;30;3;94;8
trend_arm,5,19764,treatment,arm_sums,16;7;7;5464;5907482;1801.98;704918.9146;7;5464;7;5907482;7;5464;16;3;37;5;105;11
trend_arm,5,19765,control,arm_sums,16;7;7;4232;2704640;1445.37;310874.7103;7;4232;7;2704640;7;4232;16;6;53;8;205;23
trend_arm,5,19765,treatment,arm_sums,13;8;8;7412;8608194;2497.87;1024492.9675;8;7412;8;8608194;8;7412;13;5;39;7;139;15
trend_arm,5,19766,control,arm_sums,13;8;8;4998.5;5558378.25;1804.45;779500.2753;8;4998.5;8;5558378.25;8;4998.5;13;7;48;11;210;32
trend_arm,5,19766,treatment,arm_sums,14;7;7;4530.5;3933335.25;1546.82;421414.3734;7;4530.5;7;3933335.25;7;4530.5;14;6;43;10;169;24
trend_arm,5,19767,control,arm_sums,16;9;9;8135.5;8704477.25;2928.57;1136531.4719;9;8135.5;9;8704477.25;9;8135.5;14;6;41;8;137;16
trend_arm,5,19767,treatment,arm_sums,12;7;7;6132;6022224;2312;890339.2442;7;6132;7;6022224;7;6132;11;7;35;13;125;28
trend_arm,5,19768,control,arm_sums,9;4;4;3660.5;3473196.25;1516.38;602858.2574;4;3660.5;4;3473196.25;4;3660.5;9;3;22;3;64;6
trend_arm,5,19768,treatment,arm_sums,19;13;13;11711.5;16354608.25;4266;2111914.4892;13;11711.5;13;16354608.25;13;11711.5;19;9;54;11;186;24
trend_arm,5,19769,control,arm_sums,14;7;7;5159;4835331;1952.36;689816.5776;7;5159;7;4835331;7;5159;14;4;40;4;130;8
trend_arm,5,19769,treatment,arm_sums,14;12;12;10992;13229362;3994.13;1756230.6293;12;10992;12;13229362;12;10992;13;8;37;8;137;18
trend_arm,5,19770,control,arm_sums,14;8;8;5635;4679805;2113.68;647960.2978;8;5635;8;4679805;8;5635;13;5;44;7;174;25
trend_arm,5,19770,treatment,arm_sums,13;6;6;4118;3632354;1451.03;397514.3729;6;4118;6;3632354;6;4118;13;2;39;2;129;7
trend_arm,5,19771,control,arm_sums,17;10;10;8708;9421978.5;3268.55;1369822.1661;10;8708;10;9421978.5;10;8708;14;1;35;1;121;4
trend_arm,5,19771,treatment,arm_sums,11;5;5;3761;3634880.5;1465.8;541935.865;5;3761;5;3634880.5;5;3761;9;3;36;9;168;12
trend_arm,5,19772,control,arm_sums,15;11;11;10078.5;11962261.25;3964.85;1895056.7197;11;10078.5;11;11962261.25;11;10078.5;15;5;43;7;157;13
trend_arm,5,19772,treatment,arm_sums,13;8;8;5332;5304352;1825.64;575504.8024;8;5332;8;5304352;8;5332;13;4;54;6;260;26
trend_arm,5,19773,control,arm_sums,13;10;10;6996;6766474;2541.59;865635.7411;10;6996;10;6766474;10;6996;13;6;32;10;98;25
trend_arm,5,19773,treatment,arm_sums,14;8;8;8502.5;9792477.25;3398.18;1623926.8054;8;8502.5;8;9792477.25;8;8502.5;14;8;40;10;128;27
trend_arm,5,19774,control,arm_sums,10;5;5;3352;3053670;1224.41;412543.2681;5;3352;5;3053670;5;3352;10;1;29;1;109;2
trend_arm,5,19774,treatment,arm_sums,19;14;14;9072;9326575.5;3374.87;1373965.9629;14;9072;14;9326575.5;14;9072;19;12;62;28;246;46
trend_arm,5,19775,control,arm_sums,14;10;10;8478.5;10874127.25;3242.95;1714729.1427;10;8478.5;10;10874127.25;10;8478.5;14;6;43;10;151;20
trend_arm,5,19775,treatment,arm_sums,13;6;6;3896;3075226;1502.15;460339.7373;6;3896;6;3075226;6;3896;13;6;43;8;155;23
trend_arm,5,19776,control,arm_sums,13;8;8;7766;10198912;2912.19;1394532.5749;8;7766;8;10198912;8;7766;13;7;46;9;204;30
trend_arm,5,19776,treatment,arm_sums,15;7;7;6523.5;7001873.25;2261.03;864422.4321;7;6523.5;7;7001873.25;7;6523.5;15;2;51;2;209;7
trend_arm,5,19777,control,arm_sums,16;6;6;2124;1100042;846.34;148506.5396;6;2124;6;1100042;6;2124;14;1;45;1;181;3
trend_arm,5,19777,treatment,arm_sums,11;7;7;4627;3956409;1825.81;619673.2971;7;4627;7;3956409;7;4627;10;3;25;3;77;9
trend_arm,5,19778,control,arm_sums,13;10;10;7004.5;7228415.25;2675.69;1074809.5321;10;7004.5;10;7228415.25;10;7004.5;13;7;40;13;144;27
trend_arm,5,19778,treatment,arm_sums,16;12;12;8757.5;7203781.25;2956.07;894225.6987;12;8757.5;12;7203781.25;12;8757.5;15;12;48;20;176;47
trend_arm,5,19779,control,arm_sums,9;6;6;5977.5;8521424.25;2223.18;1231575.8502;6;5977.5;6;8521424.25;6;5977.5;9;9;41;15;197;45
trend_arm,5,19779,treatment,arm_sums,19;13;13;7358;5776035.5;3114.7;1010233.3106;13;7358;13;5776035.5;13;7358;16;5;43;7;131;19
trend_arm,5,19780,control,arm_sums,15;11;11;5898;4397487.5;2209.56;610143.044;11;5898;11;4397487.5;11;5898;14;2;42;2;172;7
trend_arm,5,19780,treatment,arm_sums,12;8;8;6654;7751286.5;2593.22;1203641.8754;8;6654;8;7751286.5;8;6654;12;4;33;6;107;15
trend_arm,5,19781,control,arm_sums,15;9;9;6755;6395345;2379.53;783915.6953;9;6755;9;6395345;9;6755;15;7;45;11;155;23
trend_arm,5,19781,treatment,arm_sums,13;5;5;4921;6419845.5;1756.66;820543.0038;5;4921;5;6419845.5;5;4921;12;5;36;7;144;18
trend_arm,5,19782,control,arm_sums,12;6;6;6611;8411151.5;2376;1100338.0694;6;6611;6;8411151.5;6;6611;12;5;32;7;104;16
trend_arm,5,19782,treatment,arm_sums,16;10;10;9202;12811325.5;3478.28;1828582.1778;10;9202;10;12811325.5;10;9202;15;6;45;8;159;20
trend_arm,5,19783,control,arm_sums,9;6;6;4580.5;4942322.25;1756.36;752772.6696;6;4580.5;6;4942322.25;6;4580.5;8;3;24;9;82;12
trend_arm,5,19783,treatment,arm_sums,19;13;13;9580;8203446.5;3698.17;1196214.2707;13;9580;13;8203446.5;13;9580;18;4;53;4;191;15
trend_arm,5,19784,control,arm_sums,16;9;9;8618;9928698.5;3227.7;1409224.9938;9;8618;9;9928698.5;9;8618;16;6;59;12;257;27
trend_arm,5,19784,treatment,arm_sums,12;8;8;5800;5335812;2271.27;818975.1925;8;5800;8;5335812;8;5800;12;7;37;11;141;26
trend_arm,5,19785,control,arm_sums,10;4;4;2245;1697426.5;751.93;183450.1285;4;2245;4;1697426.5;4;2245;9;5;28;9;110;13
trend_arm,5,19785,treatment,arm_sums,17;10;10;6940;6211286;2709.61;940824.7353;10;6940;10;6211286;10;6940;16;4;59;6;261;20
trend_arm,5,19786,control,arm_sums,16;11;11;6416.5;5001708.25;2367.84;764114.612;11;6416.5;11;5001708.25;11;6416.5;15;4;54;4;212;12
trend_arm,5,19786,treatment,arm_sums,12;8;8;5742.5;5953916.25;2099.85;798625.6729;8;5742.5;8;5953916.25;8;5742.5;11;6;36;8;144;18
trend_arm,5,19787,control,arm_sums,15;10;10;9404;10529031.5;3382.07;1387189.4171;10;9404;10;10529031.5;10;9404;14;6;45;8;167;26
trend_arm,5,19787,treatment,arm_sums,12;5;5;4086;4111758;1484.86;507967.8084;5;4086;5;4111758;5;4086;12;3;36;3;132;7
trend_arm,5,19788,control,arm_sums,16;7;7;4636.5;4958798.75;1719.83;703149.4857;7;4636.5;7;4958798.75;7;4636.5;16;6;47;10;163;24
trend_arm,5,19788,treatment,arm_sums,12;8;8;4974;3708778;1909.82;540713.9364;8;4974;8;3708778;8;4974;11;3;37;3;135;8
trend_arm,5,19789,control,arm_sums,13;8;8;5008;4906278;2077.45;890514.7623;8;5008;8;4906278;8;5008;12;6;37;8;145;19
trend_arm,5,19789,treatment,arm_sums,15;7;7;6400.5;8869225.25;2356.17;1120973.7581;7;6400.5;7;8869225.25;7;6400.5;15;1;52;1;220;4
trend_arm,5,19790,control,arm_sums,16;7;7;5239;4976447;1829.29;634044.0499;7;5239;7;4976447;7;5239;15;9;36;15;98;23
trend_arm,5,19790,treatment,arm_sums,12;8;8;5080;4004350.5;1972.4;602957.94;8;5080;8;4004350.5;8;5080;11;3;37;3;143;11
trend_arm,5,19791,control,arm_sums,11;2;2;1793;1626829;565.58;186487.0564;2;1793;2;1626829;2;1793;11;2;25;4;75;6
trend_arm,5,19791,treatment,arm_sums,16;8;8;8839.5;11635542.25;3204.64;1530049.9606;8;8839.5;8;11635542.25;8;8839.5;15;7;48;15;190;30
trend_arm,5,19792,control,arm_sums,11;8;8;6044;5777566.5;2365.52;980099.0424;8;6044;8;5777566.5;8;6044;10;2;28;2;98;8
trend_arm,5,19792,treatment,arm_sums,18;12;12;9296.5;8984085.25;3686.65;1423597.2225;12;9296.5;12;8984085.25;12;9296.5;17;5;46;9;156;18
trend_arm,5,19793,control,arm_sums,19;8;8;6903;7234054.5;2462.21;946226.2749;8;6903;8;7234054.5;8;6903;19;3;71;3;317;13
trend_arm,5,19793,treatment,arm_sums,8;4;4;4105.5;5055719.25;1340.58;598590.798;4;4105.5;4;5055719.25;4;4105.5;7;3;16;5;44;9
trend_arm,5,19794,control,arm_sums,15;13;13;6421;4637283.5;2497.17;658571.0965;13;6421;13;4637283.5;13;6421;15;4;44;4;148;12
trend_arm,5,19794,treatment,arm_sums,13;8;8;5445;5768896.5;2106.76;864598.688;8;5445;8;5768896.5;8;5445;12;3;38;5;144;13
trend_arm,5,19795,control,arm_sums,15;13;13;13160.5;16236982.75;4895.17;2416911.3619;13;13160.5;13;16236982.75;13;13160.5;15;9;52;13;216;39
trend_arm,5,19795,treatment,arm_sums,13;7;7;6708;9104996;2499.59;1275541.9955;7;6708;7;9104996;7;6708;12;3;35;3;121;8
trend_arm,5,19796,control,arm_sums,12;6;6;5654.5;6297358.25;2091.98;860016.243;6;5654.5;6;6297358.25;6;5654.5;12;2;34;2;116;6
trend_arm,5,19796,treatment,arm_sums,16;10;10;8436.5;9912646.25;3333.89;1523924.5763;10;8436.5;10;9912646.25;10;8436.5;15;7;52;9;216;31
trend_arm,5,19797,control,arm_sums,17;10;10;7064.5;5816342.75;2450.95;707485.0361;10;7064.5;10;5816342.75;10;7064.5;17;5;57;5;237;14
trend_arm,5,19797,treatment,arm_sums,10;6;6;5396;7182798;1776.98;706968.1194;6;5396;6;7182798;6;5396;10;2;33;2;127;6
trend_arm,5,19798,control,arm_sums,10;8;8;8683;10583367;3051.51;1362582.0949;8;8683;8;10583367;8;8683;10;6;29;8;111;20
trend_arm,5,19798,treatment,arm_sums,18;10;10;7414;7575385.5;2818.02;1090851.3974;10;7414;10;7575385.5;10;7414;17;4;63;4;257;20
trend_arm,5,19799,control,arm_sums,14;9;9;5185;5155198.5;2082.8;838088.74;9;5185;9;5155198.5;9;5185;14;4;37;4;113;12
trend_arm,5,19799,treatment,arm_sums,13;9;9;7542;8973960;3009.67;1433779.3045;9;7542;9;8973960;9;7542;13;5;45;7;175;18
trend_arm,5,19800,control,arm_sums,12;6;6;6541.5;7807212.25;2592.33;1216909.4689;6;6541.5;6;7807212.25;6;6541.5;12;6;39;8;161;22
trend_arm,5,19800,treatment,arm_sums,16;11;11;9291.5;9937373.25;3425.64;1327726.3198;11;9291.5;11;9937373.25;11;9291.5;16;3;44;3;142;10
trend_arm,5,19801,control,arm_sums,12;8;8;7426;11047817.5;2365.12;1099961.5216;8;7426;8;11047817.5;8;7426;12;3;36;5;138;12
trend_arm,5,19801,treatment,arm_sums,16;12;12;7700.5;6685371.75;2827.67;887800.8835;12;7700.5;12;6685371.75;12;7700.5;16;9;51;17;181;36
trend_arm,5,19802,control,arm_sums,11;7;7;7245.5;8873758.25;2742.92;1352050.5472;7;7245.5;7;8873758.25;7;7245.5;10;4;32;4;120;15
trend_arm,5,19802,treatment,arm_sums,18;11;11;8257.5;7932090.25;3264.97;1213370.6881;11;8257.5;11;7932090.25;11;8257.5;18;11;58;17;238;43
trend_arm,5,19803,control,arm_sums,12;8;8;7620.5;8353582.75;2875.55;1116196.4643;8;7620.5;8;8353582.75;8;7620.5;11;3;36;5;136;8
trend_arm,5,19803,treatment,arm_sums,14;11;11;7831;6524469.5;2818.81;831831.8473;11;7831;11;6524469.5;11;7831;14;9;45;11;161;35
trend_arm,5,19804,control,arm_sums,13;9;9;7016.5;6720080.25;2883.42;1106961.1156;9;7016.5;9;6720080.25;9;7016.5;13;4;38;4;128;14
trend_arm,5,19804,treatment,arm_sums,16;10;10;9749.5;10622165.75;3494.96;1382426.1816;10;9749.5;10;10622165.75;10;9749.5;16;8;46;14;176;35
trend_arm,5,19805,control,arm_sums,13;7;7;5147.5;4482433.25;1910.63;639531.1297;7;5147.5;7;4482433.25;7;5147.5;13;5;50;7;220;20
trend_arm,5,19805,treatment,arm_sums,15;9;9;7956.5;8427753.25;3054.22;1297560.4142;9;7956.5;9;8427753.25;9;7956.5;15;6;38;6;124;14
trend_arm,5,19806,control,arm_sums,13;8;8;5057.5;5203657.75;1992.65;804269.8977;8;5057.5;8;5203657.75;8;5057.5;13;6;43;10;161;25
trend_arm,5,19806,treatment,arm_sums,14;11;11;9367.5;10207340.25;3367.6;1432293.2906;11;9367.5;11;10207340.25;11;9367.5;14;13;54;29;238;56
trend_arm,5,19807,control,arm_sums,17;11;11;8318;8391310;3061.82;1157314.378;11;8318;11;8391310;11;8318;17;5;38;5;100;11
trend_arm,5,19807,treatment,arm_sums,10;6;6;5693.5;6233381.25;2025.33;781486.3461;6;5693.5;6;6233381.25;6;5693.5;8;6;28;12;106;24
trend_arm,5,19808,control,arm_sums,10;4;4;4158;4727420;1551.74;699061.73;4;4158;4;4727420;4;4158;10;2;30;2;110;5
trend_arm,5,19808,treatment,arm_sums,18;10;10;10304;13597074;3970.78;2104314.0614;10;10304;10;13597074;10;10304;17;11;49;23;175;50
trend_arm,5,19809,control,arm_sums,17;10;10;8957;11047087.5;3531.8;1788329.5118;10;8957;10;11047087.5;10;8957;17;9;57;13;249;40
trend_arm,5,19809,treatment,arm_sums,11;6;6;5406.5;6626102.25;1850.76;762437.1816;6;5406.5;6;6626102.25;6;5406.5;11;6;35;10;123;22
trend_arm,5,19810,control,arm_sums,16;6;6;5459.5;6571206.25;2030.43;909835.6159;6;5459.5;6;6571206.25;6;5459.5;16;6;52;8;200;27
trend_arm,5,19810,treatment,arm_sums,12;8;8;7487;8523909;2521.81;1007433.8301;8;7487;8;8523909;8;7487;12;4;36;4;130;15
trend_arm,5,19811,control,arm_sums,11;9;9;5379;4338213.5;1904.21;537903.9749;9;5379;9;4338213.5;9;5379;11;5;35;7;123;19
trend_arm,5,19811,treatment,arm_sums,18;11;11;8013.5;7963472.75;3002.57;1149214.2065;11;8013.5;11;7963472.75;11;8013.5;18;7;49;9;177;22
trend_arm,5,19812,control,arm_sums,11;3;3;1883.5;2107403.25;677.74;298039.938;3;1883.5;3;2107403.25;3;1883.5;11;4;34;10;118;17
trend_arm,5,19812,treatment,arm_sums,16;5;5;3934.5;3628457.25;1455.95;528519.5425;5;3934.5;5;3628457.25;5;3934.5;16;2;48;2;176;6
trend_change,5,"",rec-0,change_sums,89;9;102;24;416.52;1110.72;89;416.52;89;19276.5456;89;416.52;102;1110.72;102;51404.1216;102;1110.72;19798
trend_change,5,"",rec-1,change_sums,96;8;91;10;-508.8;-636;96;-508.8;96;32359.68;96;-508.8;91;-636;91;40449.6;91;-636;19786
trend_change,5,"",rec-10,change_sums,102;11;92;12;1434.4;1564.8;102;1434.4;102;187045.76;102;1434.4;92;1564.8;92;204049.92;92;1564.8;19789
trend_change,5,"",rec-11,change_sums,107;13;110;22;535.6;906.4;107;535.6;107;22066.72;107;535.6;110;906.4;110;37343.68;110;906.4;19795
trend_change,5,"",rec-2,change_sums,87;12;105;11;292.8;268.4;87;292.8;87;7144.32;87;292.8;105;268.4;105;6548.96;105;268.4;19793
trend_change,5,"",rec-3,change_sums,112;11;102;11;873.62;873.62;112;873.62;112;69382.9004;112;873.62;102;873.62;102;69382.9004;102;873.62;19810
trend_change,5,"",rec-4,change_sums,113;9;106;15;532.8;888;113;532.8;113;31541.76;113;532.8;106;888;106;52569.6;106;888;19798
trend_change,5,"",rec-5,change_sums,90;7;100;18;114.8;295.2;90;114.8;90;1882.72;90;114.8;100;295.2;100;4841.28;100;295.2;19801
trend_change,5,"",rec-6,change_sums,94;10;83;9;939.3;845.37;94;939.3;94;88228.449;94;939.3;83;845.37;83;79405.6041;83;845.37;19809
trend_change,5,"",rec-7,change_sums,84;7;118;16;176.4;403.2;84;176.4;84;4445.28;84;176.4;118;403.2;118;10160.64;118;403.2;19804
trend_change,5,"",rec-8,change_sums,89;16;84;6;1766.4;662.4;89;1766.4;89;195010.56;89;1766.4;84;662.4;84;73128.96;84;662.4;19799
trend_change,5,"",rec-9,change_sums,115;10;90;12;864.5;1037.4;115;864.5;115;74736.025;115;864.5;90;1037.4;90;89683.23;90;1037.4;19789
trend_day,5,19723,"",trend_sums,16;16;14051.5;4923.68;28;16;80;11;781.49
trend_day,5,19724,"",trend_sums,18;18;10124;3838.45;28;19;72;8;266.56
trend_day,5,19725,"",trend_sums,20;20;18021.5;6861.98;27;19;82;13;898.42
trend_day,5,19726,"",trend_sums,11;11;7689;3131.04;28;11;101;8;531.82
trend_day,5,19727,"",trend_sums,15;15;10514;3988.92;27;15;82;10;436.5
trend_day,5,19728,"",trend_sums,21;21;17719;6738.76;28;21;86;14;994.62
trend_day,5,19729,"",trend_sums,20;20;18074.5;6575.82;28;20;86;16;804.46
trend_day,5,19730,"",trend_sums,14;14;10369.5;3791.66;28;15;79;11;259.53
trend_day,5,19731,"",trend_sums,13;13;10590.5;4055.73;28;13;79;10;767.51
trend_day,5,19732,"",trend_sums,18;18;15059.5;5601.24;28;18;80;10;454.01
trend_day,5,19733,"",trend_sums,15;15;9088;3576.1;27;14;83;8;391.45
trend_day,5,19734,"",trend_sums,16;16;11589;4545.29;28;16;73;8;600.76
trend_day,5,19735,"",trend_sums,16;16;12823;4758.18;28;16;91;5;237.58
trend_day,5,19736,"",trend_sums,16;16;12600;4488.92;28;16;76;6;302.96
trend_day,5,19737,"",trend_sums,15;15;13143;4921.22;27;15;86;9;236.88
trend_day,5,19738,"",trend_sums,16;16;12871;4442.32;28;16;80;13;186.26
trend_day,5,19739,"",trend_sums,20;20;12487.5;4703.59;28;20;65;9;330.41
trend_day,5,19740,"",trend_sums,14;14;14216;5339.28;28;15;94;13;613.72
trend_day,5,19741,"",trend_sums,20;20;22870;8059.66;28;19;83;14;748.26
trend_day,5,19742,"",trend_sums,15;15;10197.5;3741.08;27;15;86;6;245.82
trend_day,5,19743,"",trend_sums,18;18;14966.5;5432.24;28;18;71;8;638.72
trend_day,5,19744,"",trend_sums,16;16;13076.5;4661.53;29;17;91;7;493.3
trend_day,5,19745,"",trend_sums,18;18;13842.5;5147.85;27;17;78;10;325.12
trend_day,5,19746,"",trend_sums,18;18;10767;4123.32;27;18;72;6;62.68
trend_day,5,19747,"",trend_sums,20;20;15625.5;5841.6;29;20;76;7;239.53
trend_day,5,19748,"",trend_sums,16;16;12322;4739.07;27;16;73;10;489.45
trend_day,5,19749,"",trend_sums,18;18;14321;5406.55;28;18;65;12;793.93
trend_day,5,19750,"",trend_sums,17;17;11625.5;4055.74;27;17;86;8;546.43
trend_day,5,19751,"",trend_sums,19;19;17077;6202.77;28;19;91;20;1053.48
trend_day,5,19752,"",trend_sums,11;11;10059.5;3724.82;28;11;86;10;461.06
trend_day,5,19753,"",trend_sums,18;18;12816.5;4905.19;28;18;78;9;526.61
trend_day,5,19754,"",trend_sums,14;14;8287;3117.79;28;14;89;8;429.75
trend_day,5,19755,"",trend_sums,16;16;12228;4626.18;28;16;80;7;536.71
trend_day,5,19756,"",trend_sums,19;19;16125.5;5495.43;27;19;78;17;442.82
trend_day,5,19757,"",trend_sums,16;16;11694;4704.32;28;16;83;8;401.53
trend_day,5,19758,"",trend_sums,14;14;9550.5;3643.91;28;14;84;11;613.85
trend_day,5,19759,"",trend_sums,21;21;16359;6081.13;28;21;93;14;804.22
trend_day,5,19760,"",trend_sums,19;19;13049;4641.38;27;19;84;14;855.95
trend_day,5,19761,"",trend_sums,20;20;14807.5;5606.1;28;20;93;15;961.55
trend_day,5,19762,"",trend_sums,17;17;14079.5;5290.07;28;17;80;5;411.18
trend_day,5,19763,"",trend_sums,16;16;13256;5081.87;28;16;77;8;402.83
trend_day,5,19764,"",trend_sums,12;12;8737;3017.33;27;12;67;6;552.78
trend_day,5,19765,"",trend_sums,15;15;11644;3943.24;29;15;92;11;783.42
trend_day,5,19766,"",trend_sums,14;14;9445;3317.67;27;15;91;13;203.86
trend_day,5,19767,"",trend_sums,17;17;14351.5;5274.17;28;16;76;13;718.2
trend_day,5,19768,"",trend_sums,17;17;15372;5782.38;28;17;76;12;764.06
trend_day,5,19769,"",trend_sums,19;19;16151;5946.49;28;19;77;12;474.73
trend_day,5,19770,"",trend_sums,14;14;9753;3564.71;27;14;83;7;511.13
trend_day,5,19771,"",trend_sums,15;15;12469;4734.35;28;15;71;4;295.3
trend_day,5,19772,"",trend_sums,19;19;15410.5;5790.49;28;19;97;9;116.28
trend_day,5,19773,"",trend_sums,18;18;15498.5;5939.77;27;18;72;14;834.37
trend_day,5,19774,"",trend_sums,19;19;12424;4599.28;29;19;91;13;661
trend_day,5,19775,"",trend_sums,16;16;12374.5;4745.1;27;16;86;12;509
trend_day,5,19776,"",trend_sums,15;15;14289.5;5173.22;28;15;97;9;459.1
trend_day,5,19777,"",trend_sums,13;13;6751;2672.15;27;13;70;4;98.45
trend_day,5,19778,"",trend_sums,22;22;15762;5631.76;29;22;88;19;1156.46
trend_day,5,19779,"",trend_sums,19;19;13335.5;5337.88;28;19;84;14;880.48
trend_day,5,19780,"",trend_sums,19;19;12552;4802.78;27;19;75;6;541.22
trend_day,5,19781,"",trend_sums,14;14;11676;4136.19;28;14;81;12;921.83
trend_day,5,19782,"",trend_sums,15;15;15439;5704.68;28;16;77;11;501.16
trend_day,5,19783,"",trend_sums,20;20;14534.5;5604.13;28;19;77;7;431.13
trend_day,5,19784,"",trend_sums,16;16;13221;5247.6;28;17;96;13;689
trend_day,5,19785,"",trend_sums,15;15;10382;3712.91;27;14;87;9;292.36
trend_day,5,19786,"",trend_sums,19;19;12159;4467.69;28;19;90;10;551.01
trend_day,5,19787,"",trend_sums,15;15;13490;4866.93;27;15;81;9;632.53
trend_day,5,19788,"",trend_sums,15;15;9610.5;3629.65;28;15;84;9;383.6
trend_day,5,19789,"",trend_sums,15;15;11408.5;4433.62;28;15;89;7;486.45
trend_day,5,19790,"",trend_sums,15;15;10319;3801.69;28;15;73;12;674.7
trend_day,5,19791,"",trend_sums,10;10;10632.5;3770.22;27;10;73;9;547.08
trend_day,5,19792,"",trend_sums,20;20;15340.5;6052.17;29;20;74;7;459.65
trend_day,5,19793,"",trend_sums,12;12;11008.5;3802.79;27;12;87;6;533.47
trend_day,5,19794,"",trend_sums,21;21;11866;4603.93;28;21;82;7;604.54
trend_day,5,19795,"",trend_sums,19;19;18615;7050.32;28;20;87;12;845.85
trend_day,5,19796,"",trend_sums,17;17;15344.5;5770.31;28;16;86;9;292.71
trend_day,5,19797,"",trend_sums,16;16;12460.5;4227.93;27;16;90;7;401.56
trend_day,5,19798,"",trend_sums,18;18;16097;5869.53;28;18;92;10;732.83
trend_day,5,19799,"",trend_sums,18;18;12727;5092.47;27;18;82;9;291.08
trend_day,5,19800,"",trend_sums,17;17;15833;6017.97;28;17;83;9;578.73
trend_day,5,19801,"",trend_sums,20;20;15126.5;5192.79;28;20;87;12;539.96
trend_day,5,19802,"",trend_sums,17;17;14633;5715.99;29;18;90;15;666.94
trend_day,5,19803,"",trend_sums,20;20;16321.5;5986.26;26;19;81;12;690.83
trend_day,5,19804,"",trend_sums,19;19;16766;6378.38;29;19;84;12;309.24
trend_day,5,19805,"",trend_sums,16;16;13104;4964.85;28;16;88;11;644.35
trend_day,5,19806,"",trend_sums,19;19;14425;5360.25;27;19;97;19;905.31
trend_day,5,19807,"",trend_sums,17;17;14011.5;5087.15;27;17;66;11;478.16
trend_day,5,19808,"",trend_sums,14;14;14462;5522.52;28;14;79;13;701.68
trend_day,5,19809,"",trend_sums,16;16;14363.5;5382.56;28;16;92;15;1040.16
trend_day,5,19810,"",trend_sums,14;14;12946.5;4552.24;28;14;88;10;487.11
trend_day,5,19811,"",trend_sums,19;19;12964.5;4735.58;29;20;84;12;637.06
trend_day,5,19812,"",trend_sums,9;9;6246;2304.89;27;8;82;6;248.9
trend_listed,5,"",rec-0,rank,8
trend_listed,5,"",rec-1,rank,9
trend_listed,5,"",rec-10,rank,10
trend_listed,5,"",rec-11,rank,3
trend_listed,5,"",rec-2,rank,4
trend_listed,5,"",rec-3,rank,6
trend_listed,5,"",rec-4,rank,2
trend_listed,5,"",rec-5,rank,11
trend_listed,5,"",rec-6,rank,12
trend_listed,5,"",rec-7,rank,1
trend_listed,5,"",rec-8,rank,5
trend_listed,5,"",rec-9,rank,7
trend_offer,5,"",rec-0,days,19753:7:2:92.56 19759:9:0:0 19810:12:1:46.28 19724:8:2:92.56 19730:5:0:0 19785:9:1:46.28 19790:3:0:0 19795:6:0:0 19796:9:1:46.28 19765:6:0:0 19772:12:1:46.28 19743:8:1:46.28 19776:8:3:138.84 19802:7:4:185.12 19727:9:0:0 19783:3:0:0 19797:7:1:46.28 19737:6:1:46.28 19799:4:1:46.28 19725:4:0:0 19791:8:1:46.28 19732:10:3:138.84 19746:6:1:46.28 19747:8:0:0 19750:9:2:92.56 19760:7:1:46.28 19742:9:0:0 19754:8:1:46.28 19758:5:0:0 19745:3:0:0 19764:3:0:0 19734:2:0:0 19805:5:1:46.28 19812:7:1:46.28 19807:4:2:92.56 19811:5:0:0 19723:4:0:0 19806:9:3:138.84 19726:9:0:0 19766:3:0:0 19749:7:1:46.28 19756:7:4:185.12 19762:7:0:0 19773:7:2:92.56 19738:7:2:92.56 19778:10:1:46.28 19780:7:2:92.56 19798:6:1:46.28 19728:9:2:92.56 19793:6:0:0 19751:9:3:138.84 19771:8:1:46.28 19777:7:0:0 19804:7:3:138.84 19786:9:1:46.28 19789:5:0:0 19794:8:1:46.28 19736:9:2:92.56 19739:7:1:46.28 19741:8:2:92.56 19782:3:2:92.56 19787:9:2:92.56 19748:7:0:0 19733:8:0:0 19735:11:2:92.56 19740:7:0:0 19779:8:1:46.28 19801:11:2:92.56 19757:5:1:46.28 19809:7:2:92.56 19731:9:0:0 19784:9:0:0 19752:7:0:0 19768:7:0:0 19769:2:0:0 19774:4:0:0 19770:7:0:0 19775:5:1:46.28 19755:5:0:0 19761:7:3:138.84 19763:7:1:46.28 19788:4:0:0 19781:5:0:0 19803:7:0:0 19744:6:1:46.28 19767:3:1:46.28 19729:5:0:0 19808:10:3:138.84 19800:7:1:46.28
trend_offer,5,"",rec-1,days,19732:7:1:-63.6 19799:5:1:-63.6 19802:8:1:-63.6 19805:7:1:-63.6 19727:7:1:-63.6 19796:8:2:-127.2 19758:7:1:-63.6 19760:9:2:-127.2 19764:4:0:0 19743:9:0:0 19806:9:0:0 19725:5:1:-63.6 19730:7:3:-190.8 19783:10:1:-63.6 19785:8:3:-190.8 19797:6:1:-63.6 19742:9:0:0 19790:5:1:-63.6 19792:10:1:-63.6 19795:7:0:0 19754:5:0:0 19734:6:0:0 19746:4:2:-127.2 19776:7:1:-63.6 19724:4:0:0 19750:10:0:0 19765:7:0:0 19766:9:4:-254.4 19772:11:4:-254.4 19753:7:0:0 19807:4:1:-63.6 19745:9:3:-190.8 19747:6:1:-63.6 19810:8:1:-63.6 19811:7:2:-127.2 19723:8:0:0 19791:8:0:0 19759:6:0:0 19812:5:0:0 19726:8:1:-63.6 19737:2:2:-127.2 19751:7:2:-127.2 19756:10:3:-190.8 19763:10:0:0 19771:9:0:0 19733:6:1:-63.6 19735:5:0:0 19738:6:4:-254.4 19741:8:2:-127.2 19744:7:0:0 19798:8:0:0 19800:6:0:0 19801:7:1:-63.6 19803:7:1:-63.6 19728:5:0:0 19784:6:1:-63.6 19788:7:0:0 19794:7:0:0 19752:5:1:-63.6 19762:5:0:0 19774:5:2:-127.2 19775:6:2:-127.2 19778:5:0:0 19782:4:0:0 19749:8:0:0 19768:5:1:-63.6 19739:4:2:-127.2 19780:6:0:0 19769:5:2:-127.2 19770:9:0:0 19804:7:1:-63.6 19729:6:2:-127.2 19789:5:0:0 19793:7:0:0 19755:5:0:0 19740:11:2:-127.2 19808:7:0:0 19809:4:0:0 19787:7:0:0 19767:7:1:-63.6 19757:10:1:-63.6 19786:3:0:0 19773:9:1:-63.6 19748:7:2:-127.2 19761:9:0:0 19736:7:0:0 19781:7:0:0 19777:7:1:-63.6 19731:4:0:0 19779:3:0:0
trend_offer,5,"",rec-10,days,19751:9:3:391.2 19755:10:0:0 19761:6:3:391.2 19778:7:2:260.8 19808:6:1:130.4 19729:5:1:130.4 19731:9:1:130.4 19756:5:0:0 19757:5:1:130.4 19763:3:0:0 19767:7:1:130.4 19768:7:0:0 19769:9:1:130.4 19733:9:0:0 19744:9:1:130.4 19803:6:2:260.8 19804:4:0:0 19809:6:2:260.8 19793:9:1:130.4 19749:6:1:130.4 19762:6:1:130.4 19739:8:0:0 19741:4:0:0 19774:6:2:260.8 19779:9:1:130.4 19782:9:0:0 19798:12:2:260.8 19800:8:2:260.8 19801:7:0:0 19728:6:2:260.8 19794:7:2:260.8 19748:5:0:0 19787:7:0:0 19788:7:0:0 19771:8:0:0 19735:4:0:0 19777:2:0:0 19740:6:1:130.4 19775:9:0:0 19752:6:0:0 19780:6:2:260.8 19786:4:0:0 19773:4:0:0 19781:8:0:0 19789:7:1:130.4 19738:4:0:0 19784:9:1:130.4 19736:4:0:0 19770:4:1:130.4 19750:4:0:0 19760:9:1:130.4 19766:9:1:130.4 19737:8:0:0 19747:6:0:0 19776:12:1:130.4 19806:4:0:0 19811:9:1:130.4 19730:6:1:130.4 19759:2:0:0 19764:4:0:0 19772:8:1:130.4 19742:8:0:0 19746:9:0:0 19810:9:1:130.4 19725:6:2:260.8 19727:3:0:0 19785:5:0:0 19754:11:0:0 19799:6:0:0 19807:6:1:130.4 19724:4:0:0 19726:13:3:391.2 19791:11:1:130.4 19758:8:1:130.4 19765:5:0:0 19732:5:0:0 19783:4:1:130.4 19743:7:1:130.4 19792:7:2:260.8 19812:6:0:0 19723:7:0:0 19745:11:1:130.4 19790:8:1:130.4 19734:4:1:130.4 19797:8:0:0 19805:7:0:0 19795:6:1:130.4 19796:4:0:0 19753:8:1:130.4 19802:8:2:260.8
trend_offer,5,"",rec-11,days,19759:8:2:82.4 19764:5:1:41.2 19772:9:0:0 19743:10:2:82.4 19776:6:1:41.2 19802:7:3:123.6 19806:5:1:41.2 19810:10:1:41.2 19726:8:1:41.2 19727:8:1:41.2 19785:9:0:0 19792:8:1:41.2 19795:10:2:82.4 19753:5:2:82.4 19760:6:0:0 19799:12:4:164.8 19807:6:2:82.4 19783:10:0:0 19791:5:0:0 19750:8:0:0 19766:7:0:0 19745:6:0:0 19746:5:0:0 19747:4:1:41.2 19811:10:2:82.4 19723:9:2:82.4 19730:8:2:82.4 19790:7:1:41.2 19796:6:2:82.4 19765:10:1:41.2 19732:5:0:0 19797:6:1:41.2 19737:6:0:0 19754:6:1:41.2 19758:5:0:0 19805:9:1:41.2 19812:10:2:82.4 19742:9:1:41.2 19725:6:1:41.2 19734:5:0:0 19724:6:0:0 19752:9:1:41.2 19762:6:1:41.2 19763:8:2:82.4 19767:8:2:82.4 19738:7:1:41.2 19740:12:0:0 19778:10:2:82.4 19780:3:0:0 19801:7:0:0 19809:8:1:41.2 19729:7:0:0 19782:10:1:41.2 19786:6:1:41.2 19788:12:3:123.6 19770:6:0:0 19733:6:0:0 19735:12:1:41.2 19773:1:0:0 19774:7:1:41.2 19781:8:1:41.2 19803:3:0:0 19808:10:4:164.8 19784:8:0:0 19736:8:0:0 19741:4:0:0 19731:6:1:41.2 19755:4:0:0 19761:7:0:0 19798:7:1:41.2 19804:9:1:41.2 19751:6:2:82.4 19757:5:1:41.2 19739:6:1:41.2 19768:5:0:0 19771:4:0:0 19789:4:0:0 19749:6:1:41.2 19769:7:0:0 19779:6:1:41.2 19787:11:1:41.2 19793:7:0:0 19794:9:0:0 19748:5:0:0 19777:3:0:0 19800:4:0:0 19744:6:0:0 19728:6:0:0 19775:7:0:0 19756:3:1:41.2
trend_offer,5,"",rec-2,days,19754:6:1:24.4 19742:7:1:24.4 19743:5:0:0 19745:10:2:48.8 19746:5:0:0 19776:8:1:24.4 19807:9:0:0 19811:7:1:24.4 19725:8:1:24.4 19785:7:0:0 19792:4:1:24.4 19795:8:1:24.4 19734:6:0:0 19747:5:1:24.4 19806:8:3:73.2 19812:7:1:24.4 19723:9:1:24.4 19797:7:0:0 19760:8:1:24.4 19764:5:0:0 19802:9:2:48.8 19724:11:3:73.2 19737:11:0:0 19758:7:2:48.8 19759:13:4:97.6 19765:6:0:0 19791:6:2:48.8 19732:5:0:0 19805:8:0:0 19727:7:1:24.4 19730:9:0:0 19783:7:1:24.4 19766:11:3:73.2 19726:7:1:24.4 19790:6:1:24.4 19810:10:1:24.4 19796:8:1:24.4 19772:7:1:24.4 19750:4:0:0 19799:3:0:0 19753:3:0:0 19749:4:2:48.8 19751:7:2:48.8 19741:6:1:24.4 19744:10:0:0 19774:5:2:48.8 19780:9:0:0 19801:9:2:48.8 19808:5:1:24.4 19728:9:0:0 19788:5:2:48.8 19794:7:0:0 19757:6:0:0 19768:7:1:24.4 19736:6:1:24.4 19739:3:0:0 19775:6:1:24.4 19778:10:2:48.8 19803:8:0:0 19729:6:0:0 19787:6:0:0 19752:6:0:0 19756:5:1:24.4 19773:5:2:48.8 19735:9:1:24.4 19779:11:4:97.6 19781:6:1:24.4 19804:6:0:0 19786:8:3:73.2 19789:7:1:24.4 19809:8:0:0 19762:6:0:0 19767:10:0:0 19769:11:3:73.2 19770:10:1:24.4 19771:7:0:0 19738:5:1:24.4 19777:6:0:0 19782:5:1:24.4 19784:10:0:0 19755:6:0:0 19800:8:0:0 19798:6:0:0 19793:2:0:0 19740:4:2:48.8 19761:10:2:48.8 19763:4:0:0 19733:8:1:24.4 19748:3:1:24.4 19731:4:0:0
trend_offer,5,"",rec-3,days,19753:12:0:0 19760:8:2:158.84 19764:6:0:0 19766:8:0:0 19772:6:0:0 19802:6:1:79.42 19807:7:0:0 19811:7:0:0 19724:5:0:0 19792:4:0:0 19796:10:0:0 19759:13:3:238.26 19742:5:1:79.42 19743:6:2:158.84 19776:6:0:0 19727:7:0:0 19754:9:1:79.42 19732:8:2:158.84 19806:8:2:158.84 19725:7:2:158.84 19785:8:1:79.42 19797:11:1:79.42 19750:4:1:79.42 19745:7:1:79.42 19799:7:0:0 19812:12:1:79.42 19726:9:1:79.42 19765:6:3:238.26 19734:5:0:0 19737:9:1:79.42 19805:7:2:158.84 19790:5:1:79.42 19791:6:0:0 19758:7:1:79.42 19810:7:0:0 19723:7:3:238.26 19747:7:0:0 19730:6:0:0 19783:5:0:0 19795:5:1:79.42 19746:3:0:0 19751:8:0:0 19752:7:0:0 19761:6:0:0 19769:2:0:0 19773:5:2:158.84 19774:10:1:79.42 19801:9:1:79.42 19728:5:1:79.42 19729:11:4:317.68 19787:7:2:158.84 19789:9:0:0 19794:11:3:238.26 19757:5:0:0 19771:4:1:79.42 19735:8:1:79.42 19778:5:1:79.42 19781:8:2:158.84 19793:11:1:79.42 19763:9:1:79.42 19733:8:1:79.42 19736:5:0:0 19740:9:3:238.26 19798:10:1:79.42 19803:5:0:0 19804:9:0:0 19809:11:2:158.84 19784:4:1:79.42 19739:4:1:79.42 19780:7:0:0 19770:5:0:0 19741:7:3:238.26 19755:5:0:0 19768:5:1:79.42 19762:5:0:0 19738:5:0:0 19777:5:0:0 19779:6:1:79.42 19731:7:0:0 19786:9:0:0 19744:7:1:79.42 19800:3:0:0 19767:3:1:79.42 19775:8:1:79.42 19808:4:2:158.84 19749:4:0:0 19782:7:1:79.42 19748:9:1:79.42 19788:6:0:0 19756:3:0:0
trend_offer,5,"",rec-4,days,19749:3:1:59.2 19751:9:2:118.4 19735:8:0:0 19740:6:0:0 19775:9:3:177.6 19777:7:1:59.2 19801:6:1:59.2 19803:12:3:177.6 19808:9:1:59.2 19809:8:1:59.2 19787:6:0:0 19794:6:1:59.2 19748:8:0:0 19769:9:3:177.6 19770:8:0:0 19733:6:1:59.2 19738:7:1:59.2 19774:7:3:177.6 19800:8:2:118.4 19784:11:3:177.6 19788:9:1:59.2 19755:6:0:0 19756:7:0:0 19757:5:0:0 19762:12:1:59.2 19780:7:0:0 19761:9:1:59.2 19763:7:1:59.2 19768:4:2:118.4 19739:3:0:0 19778:11:1:59.2 19804:8:1:59.2 19728:6:0:0 19786:11:1:59.2 19789:7:2:118.4 19752:10:2:118.4 19793:7:0:0 19741:6:0:0 19744:10:0:0 19729:6:2:118.4 19779:6:1:59.2 19781:5:1:59.2 19782:4:0:0 19736:8:1:59.2 19798:9:1:59.2 19771:11:1:59.2 19731:6:0:59.2 19767:6:2:118.4 19773:1:0:0 19750:7:3:177.6 19753:7:2:118.4 19764:5:0:0 19765:5:0:0 19766:10:0:0 19724:9:1:59.2 19726:10:1:59.2 19792:9:0:0 19795:10:0:0 19796:11:0:0 19759:7:0:0 19772:9:1:59.2 19745:4:1:59.2 19799:10:2:118.4 19807:7:1:59.2 19725:3:1:59.2 19737:9:0:0 19746:8:2:118.4 19811:8:2:118.4 19790:6:1:59.2 19791:4:1:59.2 19732:4:1:59.2 19734:6:1:59.2 19805:9:1:59.2 19810:4:0:0 19785:8:1:59.2 19760:7:0:0 19747:7:2:118.4 19776:7:0:0 19812:6:0:0 19783:6:0:0 19797:9:0:0 19806:6:0:0 19727:9:2:118.4 19730:10:3:118.4 19758:6:0:0 19754:3:0:0 19742:5:1:59.2 19723:3:1:59.2 19802:5:0:0 19743:3:0:0
trend_offer,5,"",rec-5,days,19748:4:0:0 19749:6:0:0 19755:6:1:16.4 19756:11:3:49.2 19763:10:1:16.4 19769:6:1:16.4 19736:6:1:16.4 19739:6:1:16.4 19744:8:1:16.4 19773:8:0:0 19774:11:0:0 19778:5:2:32.8 19779:8:0:0 19782:9:2:32.8 19800:8:1:16.4 19788:9:1:16.4 19768:6:1:16.4 19738:7:0:0 19780:5:0:0 19808:4:0:0 19809:10:1:16.4 19728:9:2:32.8 19786:8:1:16.4 19789:9:1:16.4 19751:7:2:32.8 19761:8:3:49.2 19735:6:0:0 19801:9:2:32.8 19729:12:3:49.2 19762:6:0:0 19771:5:0:0 19733:7:0:0 19798:6:1:16.4 19804:5:2:32.8 19770:6:1:16.4 19740:9:0:0 19731:3:1:16.4 19793:9:1:16.4 19781:5:0:0 19803:8:3:49.2 19794:5:0:0 19757:5:0:0 19752:5:1:16.4 19767:8:1:16.4 19775:8:0:0 19787:3:0:0 19741:8:1:16.4 19777:4:1:16.4 19784:7:3:49.2 19742:9:1:16.4 19776:10:0:0 19805:7:0:0 19723:5:0:0 19724:7:1:16.4 19726:9:0:0 19797:4:0:0 19765:11:2:32.8 19737:7:2:32.8 19745:4:0:0 19810:8:1:16.4 19792:8:0:0 19758:5:1:16.4 19766:4:1:16.4 19772:6:0:0 19806:13:4:65.6 19725:9:1:16.4 19783:8:0:0 19750:10:0:0 19754:8:1:16.4 19759:4:0:0 19764:5:0:0 19734:6:0:0 19747:8:0:0 19802:11:2:32.8 19811:6:0:0 19727:6:2:32.8 19799:4:0:0 19812:5:1:16.4 19791:5:1:16.4 19785:6:0:0 19730:4:0:0 19743:2:0:0 19807:2:1:16.4 19796:3:0:0 19753:6:1:16.4 19746:4:0:0 19795:6:1:16.4 19732:5:1:16.4 19790:9:0:0 19760:3:0:0
trend_offer,5,"",rec-6,days,19764:6:1:93.93 19732:10:1:93.93 19805:8:1:93.93 19790:9:1:93.93 19796:8:1:93.93 19754:9:0:0 19759:8:2:187.86 19765:12:2:187.86 19772:8:0:0 19776:8:2:187.86 19799:7:0:0 19811:8:2:187.86 19723:10:1:93.93 19727:5:0:0 19783:5:1:93.93 19785:7:2:187.86 19791:5:0:0 19750:7:0:0 19753:7:0:0 19758:8:1:93.93 19766:9:2:187.86 19734:9:2:187.86 19745:7:0:0 19746:5:0:0 19725:11:1:93.93 19807:3:0:0 19737:8:1:93.93 19812:5:0:0 19726:5:0:0 19795:4:1:93.93 19743:4:0:0 19806:9:1:93.93 19742:7:0:0 19724:5:0:0 19760:3:1:93.93 19802:7:0:0 19792:7:0:0 19797:8:2:187.86 19810:4:1:93.93 19747:3:1:93.93 19730:4:1:93.93 19756:6:0:0 19763:6:1:93.93 19770:5:1:93.93 19738:7:0:0 19740:11:2:187.86 19741:6:3:281.79 19774:8:1:93.93 19779:7:1:93.93 19800:8:0:0 19804:5:0:0 19784:11:1:93.93 19794:4:0:0 19762:6:1:93.93 19739:6:2:187.86 19777:10:0:0 19780:8:2:187.86 19728:9:3:281.79 19731:5:2:187.86 19787:9:1:93.93 19755:7:2:187.86 19778:6:2:187.86 19781:9:3:281.79 19809:7:2:187.86 19782:10:1:93.93 19751:6:3:281.79 19757:12:0:0 19768:9:3:281.79 19773:8:4:375.72 19736:8:0:0 19748:4:1:93.93 19775:6:0:0 19729:8:1:93.93 19769:5:1:93.93 19735:7:0:0 19752:9:2:187.86 19771:3:0:0 19761:4:2:187.86 19793:6:0:0 19808:3:0:0 19798:6:1:93.93 19786:6:1:93.93 19788:6:0:0 19744:5:0:0 19733:4:1:93.93 19801:6:1:93.93 19789:9:0:0 19749:3:0:0 19803:3:1:93.93
trend_offer,5,"",rec-7,days,19764:7:0:0 19766:5:2:50.4 19734:8:2:50.4 19737:10:1:25.2 19742:4:1:25.2 19802:10:0:0 19805:6:1:25.2 19806:11:2:50.4 19807:10:2:50.4 19725:8:0:0 19730:6:1:25.2 19785:6:0:0 19795:8:1:25.2 19796:4:0:0 19750:8:0:0 19759:13:1:25.2 19746:8:1:25.2 19811:8:0:0 19754:7:1:25.2 19743:5:0:0 19799:12:1:25.2 19732:9:1:50.4 19797:8:0:0 19753:2:0:0 19760:6:1:25.2 19745:8:0:25.2 19747:7:1:25.2 19776:9:0:0 19724:5:1:25.2 19758:9:1:25.2 19765:10:0:0 19812:6:0:0 19783:6:1:25.2 19791:5:1:25.2 19772:5:0:0 19727:6:0:0 19723:6:0:0 19810:5:1:25.2 19790:5:2:50.4 19792:2:0:0 19726:6:0:0 19761:12:0:0 19762:8:0:0 19768:5:0:0 19773:5:1:25.2 19779:7:1:25.2 19781:8:1:25.2 19800:10:2:50.4 19809:10:2:50.4 19786:7:0:0 19789:7:0:0 19756:10:2:50.4 19771:1:0:0 19744:5:1:0 19798:6:1:25.2 19801:6:0:0 19804:11:4:100.8 19728:9:2:50.4 19782:6:2:50.4 19752:6:2:50.4 19757:11:2:50.4 19767:11:1:25.2 19738:12:2:50.4 19739:6:0:0 19741:9:0:25.2 19780:6:0:0 19731:8:2:25.2 19787:8:1:25.2 19749:7:2:50.4 19751:9:0:0 19774:10:0:0 19729:5:1:25.2 19793:5:0:0 19794:6:0:0 19770:7:1:25.2 19736:5:0:0 19740:7:2:25.2 19748:4:1:25.2 19808:4:1:25.2 19755:8:1:25.2 19763:7:1:25.2 19735:6:0:0 19778:8:3:75.6 19784:7:1:25.2 19769:7:0:0 19777:6:0:0 19803:9:0:0 19733:4:1:25.2 19788:7:1:25.2 19775:8:1:25.2
trend_offer,5,"",rec-8,days,19758:8:1:110.4 19759:5:0:0 19742:9:0:0 19776:7:0:0 19812:8:0:0 19730:8:0:0 19785:6:1:110.4 19795:7:2:220.8 19796:5:0:0 19765:6:1:110.4 19743:8:2:220.8 19746:7:0:0 19806:8:1:110.4 19807:6:1:110.4 19811:7:2:220.8 19725:10:2:220.8 19791:5:2:220.8 19764:11:3:331.2 19732:4:0:0 19734:10:0:0 19726:6:0:0 19790:3:0:0 19792:7:1:110.4 19760:11:3:331.2 19745:4:0:0 19727:8:1:110.4 19750:9:1:110.4 19772:9:1:110.4 19799:6:0:0 19783:9:2:220.8 19737:5:0:0 19724:6:0:0 19797:6:1:110.4 19805:6:1:110.4 19810:4:0:0 19754:9:1:110.4 19747:9:0:0 19753:6:0:0 19802:5:0:0 19723:7:1:110.4 19766:6:0:0 19751:7:0:0 19752:9:1:110.4 19757:8:1:110.4 19761:7:0:0 19779:9:2:220.8 19784:9:1:110.4 19787:4:2:220.8 19748:10:2:220.8 19756:7:1:110.4 19763:6:0:0 19767:8:1:110.4 19738:7:0:0 19741:9:1:110.4 19775:7:1:110.4 19780:6:0:0 19801:5:1:110.4 19731:11:2:220.8 19770:9:2:220.8 19739:7:0:0 19744:8:2:220.8 19773:7:1:110.4 19798:5:1:110.4 19803:5:0:0 19749:5:3:331.2 19768:8:2:220.8 19733:7:0:0 19778:6:1:110.4 19808:7:0:0 19809:5:0:0 19729:12:1:110.4 19762:6:0:0 19769:7:1:110.4 19782:7:0:0 19740:7:1:110.4 19777:6:0:0 19781:7:3:331.2 19804:6:0:0 19786:13:2:220.8 19755:7:2:220.8 19771:4:1:110.4 19736:4:1:110.4 19735:4:0:0 19800:6:0:0 19788:8:1:110.4 19728:6:1:110.4 19793:5:2:220.8 19789:9:1:110.4 19794:5:0:0 19774:4:0:0
trend_offer,5,"",rec-9,days,19748:7:2:172.9 19767:5:2:172.9 19768:8:1:86.45 19733:10:2:172.9 19735:11:0:0 19773:12:1:86.45 19775:7:2:172.9 19779:4:1:86.45 19780:5:0:0 19808:10:0:0 19809:8:2:172.9 19752:7:0:0 19762:7:1:86.45 19739:5:1:86.45 19741:8:1:86.45 19774:14:1:86.45 19798:11:0:0 19801:5:1:86.45 19804:7:0:0 19784:5:1:86.45 19789:11:1:86.45 19794:7:0:0 19761:8:1:86.45 19771:7:0:0 19800:7:1:86.45 19803:8:2:172.9 19793:13:1:86.45 19755:11:1:86.45 19777:7:1:86.45 19728:7:1:86.45 19782:3:1:86.45 19786:6:0:0 19769:7:0:0 19749:6:1:86.45 19770:7:0:0 19740:5:0:0 19744:10:0:0 19787:4:0:0 19757:6:1:86.45 19788:4:0:0 19756:4:2:172.9 19736:6:0:0 19731:7:1:86.45 19751:7:1:86.45 19738:6:2:172.9 19778:5:2:172.9 19781:5:0:0 19729:3:1:86.45 19754:8:1:86.45 19760:7:2:172.9 19766:10:0:0 19732:8:0:0 19737:5:1:86.45 19746:8:0:0 19797:10:0:0 19806:7:2:172.9 19810:7:2:172.9 19726:11:0:0 19783:4:0:0 19785:8:0:0 19792:8:1:86.45 19796:10:2:172.9 19759:5:2:172.9 19772:7:0:0 19745:5:2:172.9 19776:9:0:0 19812:5:0:0 19727:7:2:172.9 19795:10:2:172.9 19750:6:1:86.45 19758:9:2:172.9 19734:6:2:172.9 19802:7:0:0 19805:9:2:172.9 19742:5:0:0 19730:6:0:0 19764:6:1:86.45 19753:8:1:86.45 19765:8:2:172.9 19790:7:3:259.35 19725:5:1:86.45 19743:4:0:0 19791:5:0:0 19747:6:0:0 19799:6:0:0 19811:2:0:0 19723:5:2:172.9 19724:2:0:0 19807:2:0:0
`;
