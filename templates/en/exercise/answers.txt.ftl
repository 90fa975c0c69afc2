[#ftl]
[#-- The answer key of one exercise in the plain claim syntax of convderiv check. Data: sheet
     (ExerciseSheet) and item (one of its exercises). --]
% Answer key of exercise [=item.number], sheet [=sheet.seed?c]; check a student's file with
% convderiv check FILE
% layer: [=item.layer.header]
[#list item.answers.claims as c]
[=c]
[/#list]
