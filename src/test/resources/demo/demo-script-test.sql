-- DemoScriptTest: two statements, one simple query
insert into demo_script_test (n) values (1);
insert into demo_script_test (n) values (2);
